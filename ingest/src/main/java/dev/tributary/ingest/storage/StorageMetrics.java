package dev.tributary.ingest.storage;

import dev.tributary.schemas.StorageEventKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalogue of the storage adapter's meters: every name, description and tag is declared here and nowhere else
 * (docs/ingest-storage.md documents them). A Prometheus registry renders {@value #EVENTS} as
 * {@code tributary_storage_events_total} and {@value #POLL_DURATION} as {@code tributary_storage_poll_duration_seconds}.
 *
 * <p>The meters of a source are registered once, by {@link #source(String, Mode)} when the source starts, and used
 * directly afterwards, never looked up per event. A registry holds the meters of one source of a name at a time, as
 * each replica has its own; {@link SourceMeters#close()} frees the name for the next. Thread-safe.
 */
public final class StorageMetrics {

    public static final String EVENTS = "tributary.storage.events";
    public static final String DUPLICATES = "tributary.storage.duplicates";
    public static final String IGNORED = "tributary.storage.notifications.ignored";
    public static final String POLL_DURATION = "tributary.storage.poll.duration";
    public static final String POLLER_ACTIVE = "tributary.storage.poller.active";

    /** The source's name. */
    public static final String TAG_SOURCE = "source";
    /** How the source learns of changes: {@code webhook}, {@code polling} or {@code directory}. */
    public static final String TAG_MODE = "mode";
    /** What happened to the object: {@code created}, {@code updated} or {@code deleted}. */
    public static final String TAG_KIND = "kind";
    /** How a poll ended: {@code success} or {@code failure}. */
    public static final String TAG_OUTCOME = "outcome";

    static final String EVENTS_DESCRIPTION = "Storage events acknowledged by Kafka, by source and kind";
    static final String DUPLICATES_DESCRIPTION =
            "Notifications dropped because one with the same identity was published within the dedup window";
    static final String IGNORED_DESCRIPTION =
            "Notifications of events that do not change an object's content (reads, tagging, restores), not published";
    static final String POLL_DURATION_DESCRIPTION =
            "One poll of a bucket or directory: listing, publishing the changes and writing the checkpoint";
    static final String POLLER_ACTIVE_DESCRIPTION = "1 while this replica is the active poller of the bucket and "
            + "prefix, 0 on standby; summed over the replicas it should be 1";

    /** How a source learns of changes. */
    public enum Mode {
        /** Notifications posted by the store. */
        WEBHOOK,
        /** Listings of a bucket compared with a checkpoint. */
        POLLING,
        /** Scans of a local directory. */
        DIRECTORY;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public StorageMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry is required: StorageMetrics.noop() when metrics "
                + "are off");
    }

    /** Meters that record nothing: a composite registry with no registries in it hands out no-op meters. */
    public static StorageMetrics noop() {
        return new StorageMetrics(new CompositeMeterRegistry());
    }

    /** Registers the meters of one source; call once per source. */
    public SourceMeters source(String name, Mode mode) {
        return new SourceMeters(Objects.requireNonNull(name, "name of the source the meters count for"),
                Objects.requireNonNull(mode, "mode of the source"));
    }

    /** The meters of one source. */
    public final class SourceMeters implements AutoCloseable {

        private final Map<StorageEventKind, Counter> events = new EnumMap<>(StorageEventKind.class);
        private final Counter duplicates;
        private final Counter ignored;
        private final Timer pollSuccess;
        private final Timer pollFailure;
        private final AtomicInteger active = new AtomicInteger();
        /** Only a polling source takes part in an election. */
        private final Gauge activeGauge;

        private SourceMeters(String name, Mode mode) {
            for (StorageEventKind kind : StorageEventKind.values()) {
                events.put(kind, Counter.builder(EVENTS).description(EVENTS_DESCRIPTION).tag(TAG_SOURCE, name)
                        .tag(TAG_MODE, mode.tag()).tag(TAG_KIND, kind.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            this.duplicates = Counter.builder(DUPLICATES).description(DUPLICATES_DESCRIPTION).tag(TAG_SOURCE, name)
                    .register(registry);
            this.ignored = Counter.builder(IGNORED).description(IGNORED_DESCRIPTION).tag(TAG_SOURCE, name)
                    .register(registry);
            this.pollSuccess = mode == Mode.WEBHOOK ? null : pollTimer(name, mode, "success");
            this.pollFailure = mode == Mode.WEBHOOK ? null : pollTimer(name, mode, "failure");
            this.activeGauge = mode != Mode.POLLING ? null
                    : Gauge.builder(POLLER_ACTIVE, active, AtomicInteger::get).description(POLLER_ACTIVE_DESCRIPTION)
                            .tag(TAG_SOURCE, name).strongReference(true).register(registry);
        }

        /** Records whether this replica is the source's active poller. */
        public void active(boolean isActive) {
            active.set(isActive ? 1 : 0);
        }

        /** Counts events that Kafka acknowledged. */
        public void published(StorageEventKind kind, int count) {
            events.get(kind).increment(count);
        }

        /** Counts notifications dropped as redeliveries. */
        public void duplicates(int count) {
            duplicates.increment(count);
        }

        /** Counts notifications of events that are not published. */
        public void ignored(int count) {
            ignored.increment(count);
        }

        /** Starts timing a poll, on the registry's clock. */
        public Timer.Sample startPoll() {
            return Timer.start(registry);
        }

        /** Records a poll's duration under its outcome. */
        public void pollEnded(Timer.Sample sample, boolean succeeded) {
            Timer timer = succeeded ? pollSuccess : pollFailure;
            if (timer == null) {
                throw new IllegalStateException("a webhook source does not poll");
            }
            sample.stop(timer);
        }

        private Timer pollTimer(String name, Mode mode, String outcome) {
            return Timer.builder(POLL_DURATION).description(POLL_DURATION_DESCRIPTION).tag(TAG_SOURCE, name)
                    .tag(TAG_MODE, mode.tag()).tag(TAG_OUTCOME, outcome).register(registry);
        }

        /**
         * Removes the gauge of a poller that stopped, so a later poller of the same name in this process registers
         * its own rather than finding this one's; the counters stay, as Prometheus expects of counters.
         */
        @Override
        public void close() {
            active.set(0);
            if (activeGauge != null) {
                registry.remove(activeGauge);
            }
        }
    }
}
