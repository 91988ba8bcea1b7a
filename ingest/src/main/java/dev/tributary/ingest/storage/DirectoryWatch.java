package dev.tributary.ingest.storage;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.storage.internal.CheckpointStore;
import dev.tributary.ingest.storage.internal.DirectoryLister;
import dev.tributary.ingest.storage.internal.ObjectEvents;
import dev.tributary.ingest.storage.internal.ObjectVersion;
import dev.tributary.ingest.storage.internal.PollLoop;
import dev.tributary.ingest.storage.internal.SnapshotPoller;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches a local directory as if it were a bucket, for development: every interval it scans the tree and publishes
 * an event for each file created, changed (other content) or deleted since the last scan. Events look like those of
 * a bucket: the bucket is the directory's absolute path, the key a file's relative path with {@code /} separators,
 * the ETag the hex MD5 of its content.
 *
 * <p>It scans rather than using a {@code WatchService}: a scan sees new subdirectories, behaves alike on every
 * operating system and cannot overflow. It keeps no checkpoint: what it has published lives in memory, so a restart
 * starts from what it finds (see {@link DirectoryWatchSettings#reportExisting()}). A file that is being written
 * when a scan sees it is reported as it is then, and as updated once the writing is done.
 */
public final class DirectoryWatch implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DirectoryWatchSettings settings;
    private final SnapshotPoller poller;
    private final PollLoop loop;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DirectoryWatch(DirectoryWatchSettings settings, SnapshotPoller poller, boolean scheduled) {
        this.settings = settings;
        this.poller = poller;
        this.loop = scheduled ? new PollLoop("storage-" + settings.name(), settings.interval(), poller::poll) : null;
    }

    /**
     * Takes the first scan (as the baseline, unless files present are to be reported) and starts scanning every
     * interval.
     *
     * @param registry where the {@link StorageMetrics} go
     * @param clock    dates deletions, which a scan only notices
     * @throws SettingsException when the directory does not exist
     */
    public static DirectoryWatch start(DirectoryWatchSettings settings, Publisher publisher, MeterRegistry registry,
                                       Clock clock) {
        DirectoryWatch watch = create(settings, publisher, registry, clock, true);
        watch.loop.start();
        return watch;
    }

    /** Takes the first scan and returns a watch that scans only when {@link #poll()} is called. */
    public static DirectoryWatch open(DirectoryWatchSettings settings, Publisher publisher, MeterRegistry registry,
                                      Clock clock) {
        return create(settings, publisher, registry, clock, false);
    }

    private static DirectoryWatch create(DirectoryWatchSettings settings, Publisher publisher, MeterRegistry registry,
                                         Clock clock, boolean scheduled) {
        Objects.requireNonNull(settings, "settings of the directory watch");
        Objects.requireNonNull(publisher, "publisher of the directory watch");
        Objects.requireNonNull(registry, "registry is required: a CompositeMeterRegistry when metrics are off");
        Objects.requireNonNull(clock, "clock is required: Clock.systemUTC() outside tests");
        if (!Files.isDirectory(settings.directory())) {
            throw new SettingsException("directory", "'" + settings.directory().toAbsolutePath()
                    + "' is not an existing directory; create it, or correct the path");
        }
        DirectoryLister lister = new DirectoryLister(settings.directory(), clock);
        SortedMap<String, ObjectVersion> baseline = settings.reportExisting() ? new TreeMap<>() : lister.list();
        SnapshotPoller poller = new SnapshotPoller(lister.bucket(), settings.topic(), lister, CheckpointStore.none(),
                publisher, new ObjectEvents(settings.name()),
                new StorageMetrics(registry).source(settings.name(), StorageMetrics.Mode.DIRECTORY), clock, baseline);
        return new DirectoryWatch(settings, poller, scheduled);
    }

    public DirectoryWatchSettings settings() {
        return settings;
    }

    /**
     * Scans once, now, and publishes every change since the last scan. Never runs at the same time as a scheduled
     * scan.
     *
     * @throws StoragePollException when the scan or the publish fails; the next scan picks up what was not done
     */
    public PollOutcome poll() {
        if (closed.get()) {
            throw new IllegalStateException("directory watch '" + settings.name() + "' is closed");
        }
        return poller.poll();
    }

    /** Stops scanning, letting a running scan finish. The publisher stays open: it belongs to the caller. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && loop != null) {
            loop.stop(STOP_GRACE);
        }
    }
}
