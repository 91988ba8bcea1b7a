package dev.tributary.ingest.storage;

import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.storage.internal.ActivePoller;
import dev.tributary.ingest.storage.internal.CheckpointClients;
import dev.tributary.ingest.storage.internal.CheckpointRecords;
import dev.tributary.ingest.storage.internal.KafkaCheckpointStore;
import dev.tributary.ingest.storage.internal.ObjectEvents;
import dev.tributary.ingest.storage.internal.ObjectVersion;
import dev.tributary.ingest.storage.internal.PollLoop;
import dev.tributary.ingest.storage.internal.PollerElection;
import dev.tributary.ingest.storage.internal.S3Clients;
import dev.tributary.ingest.storage.internal.S3Lister;
import dev.tributary.ingest.storage.internal.SnapshotPoller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
 * <p><b>One active poller per scope.</b> Pollers of the same name, bucket and prefix (one per replica of the
 * adapter) elect one active poller through a Kafka consumer group ({@link #isActive()}); the others stand by and
 * take over when it stops. Each term starts by reading the checkpoint to its end.
 *
 * <p><b>Guarantee.</b> Every change that a listing shows is published at least once. Events are acknowledged by
 * Kafka before the checkpoint records them, so a crash in between publishes those changes again on restart, with the
 * same event ids; a {@link #close()} lets the running poll finish, so a clean restart or handover publishes nothing
 * twice. When a handover is not clean (the active poller stalled past its session), two pollers may overlap briefly
 * and publish the same change twice, with the same event id. A change undone between two listings (an object
 * created and deleted again) is never seen.
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
    private final ActivePoller active;
    private final PollerElection election;
    private final StorageMetrics.SourceMeters meters;
    private final S3Client s3;
    private final KafkaCheckpointStore checkpoint;
    private final PollLoop loop;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StoragePolling(StoragePollingSettings settings, ActivePoller active, PollerElection election,
                           StorageMetrics.SourceMeters meters, S3Client s3, KafkaCheckpointStore checkpoint,
                           boolean scheduled) {
        this.settings = settings;
        this.active = active;
        this.election = election;
        this.meters = meters;
        this.s3 = s3;
        this.checkpoint = checkpoint;
        this.loop = scheduled
                ? new PollLoop("storage-" + settings.name(), settings.interval(), active::pollIfActive) : null;
    }

    /**
     * Joins the pollers of this scope and starts polling while it is the active one: the first poll within
     * {@code interval} of being elected and reading the checkpoint, the next ones {@code interval} after the previous
     * ended. A failed poll is
     * logged and counted, and the next one tries again.
     *
     * @param kafkaProperties Kafka client properties for the checkpoint's and the election's clients:
     *                        {@code bootstrap.servers}, security, {@code client.id}; the adapter sets acks,
     *                        idempotence, offsets and the group itself
     * @param registry        where the {@link StorageMetrics} go
     * @param clock           dates deletions, which a listing only notices
     * @throws IllegalStateException when the checkpoint topic cannot be created
     */
    public static StoragePolling start(StoragePollingSettings settings, Publisher publisher,
                                       Map<String, Object> kafkaProperties, MeterRegistry registry, Clock clock) {
        StoragePolling polling = create(settings, publisher, kafkaProperties, registry, clock, true);
        polling.loop.start();
        return polling;
    }

    /**
     * Joins the pollers of this scope and returns a poller that polls only when {@link #poll()} is called: for
     * callers that schedule polls themselves, and for tests. It takes part in the election like a started one, so
     * {@link #poll()} works once {@link #isActive()}.
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
        StorageMetrics.SourceMeters meters = null;
        try {
            s3 = S3Clients.create(settings);
            meters = new StorageMetrics(registry).source(settings.name(), StorageMetrics.Mode.POLLING);
            ActivePoller active = new ActivePoller(describe(settings), checkpoint::load,
                    terms(settings, s3, checkpoint, publisher, meters, clock), meters);
            String groupId = PollerElection.groupId(settings.name(), settings.bucket(), settings.prefix());
            PollerElection election = new PollerElection(groupId, settings.checkpointTopic(),
                    new KafkaConsumer<>(clients.election(groupId), new ByteArrayDeserializer(),
                            new ByteArrayDeserializer()),
                    active, clock);
            election.start("tributary-storage-" + settings.name() + "-election");
            return new StoragePolling(settings, active, election, meters, s3, checkpoint, scheduled);
        } catch (RuntimeException e) {
            checkpoint.close();
            if (s3 != null) {
                s3.close();
            }
            if (meters != null) {
                meters.close();
            }
            throw e;
        }
    }

    /** Makes the poller of a term, which continues from what the checkpoint holds when the term starts. */
    private static Function<SortedMap<String, ObjectVersion>, SnapshotPoller> terms(
            StoragePollingSettings settings, S3Client s3, KafkaCheckpointStore checkpoint, Publisher publisher,
            StorageMetrics.SourceMeters meters, Clock clock) {
        String endpoint = settings.endpoint().map(Object::toString).orElse("AWS S3 (" + settings.region() + ")");
        S3Lister lister = new S3Lister(s3, settings.bucket(), settings.prefix(), settings.pageSize(), endpoint);
        ObjectEvents events = new ObjectEvents(settings.name());
        return known -> new SnapshotPoller(settings.bucket(), settings.topic(), lister, checkpoint, publisher, events,
                meters, clock, known);
    }

    private static String describe(StoragePollingSettings settings) {
        return "storage poller '" + settings.name() + "' of bucket '" + settings.bucket() + "'"
                + (settings.prefix().isEmpty() ? "" : " under '" + settings.prefix() + "'");
    }

    public StoragePollingSettings settings() {
        return settings;
    }

    /**
     * Whether this is the active poller of its scope now. Another poller of the same name, bucket and prefix (on
     * another replica, or in this process) is active otherwise, or none while the group hands over.
     */
    public boolean isActive() {
        return active.isActive();
    }

    /**
     * Polls once, now, when this is the active poller: lists the bucket, publishes every change since the last poll
     * and checkpoints it. Never runs at the same time as a scheduled poll. A poller on standby refuses rather than
     * polls, since polling there would publish every change the active one publishes too.
     *
     * @throws StandbyPollerException when another poller of the scope is the active one; nothing was done
     * @throws StoragePollException   when a step fails; the next poll picks up what was not done
     */
    public PollOutcome poll() {
        if (closed.get()) {
            throw new IllegalStateException("storage poller '" + settings.name() + "' is closed");
        }
        return active.poll();
    }

    /**
     * Stops polling: lets a running poll finish, so what it published is checkpointed too, then leaves the group, so
     * that another poller of the scope takes over at once, and closes the S3 and checkpoint clients. The publisher
     * stays open: it belongs to the caller. A second call does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // The loop first: leaving the group while a poll runs would let the next poller overlap with it.
        if (loop != null) {
            loop.stop(STOP_GRACE);
        }
        election.stop(STOP_GRACE);
        meters.close();
        checkpoint.close();
        s3.close();
    }
}
