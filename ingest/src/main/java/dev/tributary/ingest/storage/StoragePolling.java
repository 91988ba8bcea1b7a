package dev.tributary.ingest.storage;

import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.storage.internal.CheckpointClients;
import dev.tributary.ingest.storage.internal.CheckpointRecords;
import dev.tributary.ingest.storage.internal.KafkaCheckpointStore;
import dev.tributary.ingest.storage.internal.ObjectEvents;
import dev.tributary.ingest.storage.internal.PollLoop;
import dev.tributary.ingest.storage.internal.S3Clients;
import dev.tributary.ingest.storage.internal.S3Lister;
import dev.tributary.ingest.storage.internal.SnapshotPoller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Polls an S3-compatible bucket that sends no notifications: lists it with ListObjectsV2 every interval and
 * publishes an event for every object created, changed (another ETag) or deleted since the last listing.
 *
 * <p><b>Checkpoint.</b> What was published is kept in a compacted Kafka topic, one record per object holding its
 * ETag, so a restarted poller, here or on another machine, continues where the last one stopped. Changes are
 * compared by key and ETag only: modification times from some stores have whole seconds, and an overwrite within
 * the same second would be missed.
 *
 * <p><b>Guarantee.</b> Every change that a listing shows is published at least once. Events are acknowledged by
 * Kafka before the checkpoint records them, so a crash in between publishes those changes again on restart, with the
 * same event ids; a {@link #close()} lets the running poll finish, so a clean restart publishes nothing twice. A
 * change undone between two listings (an object created and deleted again) is never seen. Run one poller per bucket
 * and prefix: two would each publish every change.
 *
 * <pre>{@code
 * StoragePollingSettings settings = StoragePollingSettings.of("invoices", "storage-events", "invoices",
 *         S3Credentials.of(accessKey, secretKey)).withEndpoint(URI.create("http://minio:9000"));
 * try (StoragePolling polling = StoragePolling.start(settings, publisher, kafkaProperties, registry, clock)) {
 *     ...
 * }
 * }</pre>
 */
public final class StoragePolling implements AutoCloseable {

    /** How long a checkpoint request to Kafka may take. */
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #close()} waits for a running poll: listing a page and Kafka's acknowledgements. */
    private static final Duration STOP_GRACE = Duration.ofMinutes(1);

    private final StoragePollingSettings settings;
    private final SnapshotPoller poller;
    private final S3Client s3;
    private final KafkaCheckpointStore checkpoint;
    private final PollLoop loop;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StoragePolling(StoragePollingSettings settings, SnapshotPoller poller, S3Client s3,
                           KafkaCheckpointStore checkpoint, boolean scheduled) {
        this.settings = settings;
        this.poller = poller;
        this.s3 = s3;
        this.checkpoint = checkpoint;
        this.loop = scheduled ? new PollLoop("storage-" + settings.name(), settings.interval(), poller::poll) : null;
    }

    /**
     * Reads the checkpoint and starts polling: the first poll at once, the next ones {@code interval} after the
     * previous ended. A failed poll is logged and counted, and the next one tries again.
     *
     * @param kafkaProperties Kafka client properties for the checkpoint's clients: {@code bootstrap.servers},
     *                        security, {@code client.id}; the adapter sets acks, idempotence and offsets itself
     * @param registry        where the {@link StorageMetrics} go
     * @param clock           dates deletions, which a listing only notices
     * @throws IllegalStateException when the checkpoint topic cannot be created or read
     */
    public static StoragePolling start(StoragePollingSettings settings, Publisher publisher,
                                       Map<String, Object> kafkaProperties, MeterRegistry registry, Clock clock) {
        StoragePolling polling = create(settings, publisher, kafkaProperties, registry, clock, true);
        polling.loop.start();
        return polling;
    }

    /**
     * Reads the checkpoint and returns a poller that polls only when {@link #poll()} is called: for callers that
     * schedule polls themselves, and for tests.
     */
    public static StoragePolling open(StoragePollingSettings settings, Publisher publisher,
                                      Map<String, Object> kafkaProperties, MeterRegistry registry, Clock clock) {
        return create(settings, publisher, kafkaProperties, registry, clock, false);
    }

    private static StoragePolling create(StoragePollingSettings settings, Publisher publisher,
                                         Map<String, Object> kafkaProperties, MeterRegistry registry, Clock clock,
                                         boolean scheduled) {
        Objects.requireNonNull(settings, "settings of the storage poller");
        Objects.requireNonNull(publisher, "publisher of the storage poller");
        Objects.requireNonNull(registry, "registry is required: a CompositeMeterRegistry when metrics are off");
        Objects.requireNonNull(clock, "clock is required: Clock.systemUTC() outside tests");
        CheckpointClients clients = new CheckpointClients(kafkaProperties, settings.name());
        KafkaCheckpointStore checkpoint = KafkaCheckpointStore.open(clients, settings.checkpointTopic(),
                new CheckpointRecords(settings.name(), settings.bucket(), settings.prefix()), KAFKA_TIMEOUT);
        S3Client s3 = null;
        try {
            s3 = S3Clients.create(settings);
            String endpoint = settings.endpoint().map(Object::toString).orElse("AWS S3 (" + settings.region() + ")");
            SnapshotPoller poller = new SnapshotPoller(settings.bucket(), settings.topic(),
                    new S3Lister(s3, settings.bucket(), settings.prefix(), settings.pageSize(), endpoint),
                    checkpoint, publisher, new ObjectEvents(settings.name()),
                    new StorageMetrics(registry).source(settings.name(), StorageMetrics.Mode.POLLING), clock,
                    checkpoint.load());
            return new StoragePolling(settings, poller, s3, checkpoint, scheduled);
        } catch (RuntimeException e) {
            checkpoint.close();
            if (s3 != null) {
                s3.close();
            }
            throw e;
        }
    }

    public StoragePollingSettings settings() {
        return settings;
    }

    /**
     * Polls once, now: lists the bucket, publishes every change since the last poll and checkpoints it. Never runs
     * at the same time as a scheduled poll.
     *
     * @throws StoragePollException when a step fails; the next poll picks up what was not done
     */
    public PollOutcome poll() {
        if (closed.get()) {
            throw new IllegalStateException("storage poller '" + settings.name() + "' is closed");
        }
        return poller.poll();
    }

    /**
     * Stops polling: lets a running poll finish, so what it published is checkpointed too, then closes the S3 and
     * checkpoint clients. The publisher stays open: it belongs to the caller. A second call does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (loop != null) {
            loop.stop(STOP_GRACE);
        }
        checkpoint.close();
        s3.close();
    }
}
