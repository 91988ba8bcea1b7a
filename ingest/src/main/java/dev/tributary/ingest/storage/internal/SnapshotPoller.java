package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.TopicEvent;
import dev.tributary.ingest.storage.PollOutcome;
import dev.tributary.ingest.storage.StorageMetrics;
import dev.tributary.ingest.storage.StoragePollException;
import dev.tributary.schemas.StorageEventKind;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * One poll after another: list the store, compare with what was published before, publish the changes, checkpoint
 * them.
 *
 * <p><b>Order of writes, and what a crash costs.</b> Changes go out in chunks; for each chunk the events are
 * published and acknowledged by Kafka first, then the checkpoint records them, then this poller's memory does. A
 * crash (or a failure) after the events and before the checkpoint leaves the checkpoint behind the topic: the next
 * poller finds those changes again and publishes them again, with the same ids. The reverse order could checkpoint a
 * change whose event never reached Kafka, and it would be lost. So: at least once, never missed, and at most one
 * chunk published twice per crash. A clean stop lets the running poll finish, so a restart publishes nothing twice.
 *
 * <p>Polls are serialized: the scheduled loop and a caller's {@link #poll()} never overlap.
 */
public final class SnapshotPoller {

    /** Bounds what one crash can publish twice, and stays far inside the publisher's in-flight budget. */
    static final int CHUNK_SIZE = 500;

    private final String bucket;
    private final String topic;
    private final ObjectLister lister;
    private final CheckpointStore checkpoint;
    private final Publisher publisher;
    private final ObjectEvents events;
    private final StorageMetrics.SourceMeters meters;
    private final Clock clock;
    private final int chunkSize;
    private SortedMap<String, ObjectVersion> known;

    /**
     * @param bucket the bucket the events name (for a directory, its path)
     * @param known  what was published before: the checkpoint, or a first listing taken as the baseline
     */
    public SnapshotPoller(String bucket, String topic, ObjectLister lister, CheckpointStore checkpoint,
                          Publisher publisher, ObjectEvents events, StorageMetrics.SourceMeters meters, Clock clock,
                          SortedMap<String, ObjectVersion> known) {
        this(bucket, topic, lister, checkpoint, publisher, events, meters, clock, known, CHUNK_SIZE);
    }

    SnapshotPoller(String bucket, String topic, ObjectLister lister, CheckpointStore checkpoint, Publisher publisher,
                   ObjectEvents events, StorageMetrics.SourceMeters meters, Clock clock,
                   SortedMap<String, ObjectVersion> known, int chunkSize) {
        this.bucket = bucket;
        this.topic = topic;
        this.lister = lister;
        this.checkpoint = checkpoint;
        this.publisher = publisher;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
        this.known = new TreeMap<>(known);
        this.chunkSize = chunkSize;
    }

    /**
     * Lists, publishes and checkpoints every change since the last poll; returns once all of them are on Kafka and in
     * the checkpoint.
     *
     * @throws StoragePollException when a step fails; what was done before it stays done
     */
    public synchronized PollOutcome poll() {
        Timer.Sample sample = meters.startPoll();
        boolean succeeded = false;
        try {
            PollOutcome outcome = cycle();
            succeeded = true;
            return outcome;
        } finally {
            meters.pollEnded(sample, succeeded);
        }
    }

    private PollOutcome cycle() {
        Instant noticedAt = clock.instant();
        SortedMap<String, ObjectVersion> listed = lister.list();
        List<Change> changes = ListingDiff.between(known, listed);
        Map<StorageEventKind, Integer> counts = new EnumMap<>(StorageEventKind.class);
        for (int from = 0; from < changes.size(); from += chunkSize) {
            List<Change> chunk = changes.subList(from, Math.min(changes.size(), from + chunkSize));
            publish(chunk, noticedAt);
            Map<StorageEventKind, Integer> published = countByKind(chunk);
            published.forEach(meters::published);
            published.forEach((kind, count) -> counts.merge(kind, count, Integer::sum));
            checkpoint.save(chunk);
            chunk.forEach(this::remember);
        }
        // The same as applying every change; also takes in new modification times of unchanged versions.
        known = listed;
        return new PollOutcome(listed.size(), counts.getOrDefault(StorageEventKind.CREATED, 0),
                counts.getOrDefault(StorageEventKind.UPDATED, 0), counts.getOrDefault(StorageEventKind.DELETED, 0));
    }

    private void publish(List<Change> chunk, Instant noticedAt) {
        List<TopicEvent> batch = new ArrayList<>(chunk.size());
        chunk.forEach(change -> batch.add(new TopicEvent(topic, events.event(bucket, change, noticedAt))));
        CompletionStage<?> published;
        try {
            published = publisher.publishAll(batch);
        } catch (RuntimeException e) {
            published = CompletableFuture.failedStage(e);
        }
        await(published, chunk.size());
    }

    private static Map<StorageEventKind, Integer> countByKind(List<Change> changes) {
        Map<StorageEventKind, Integer> counts = new EnumMap<>(StorageEventKind.class);
        changes.forEach(change -> counts.merge(change.kind(), 1, Integer::sum));
        return counts;
    }

    private void remember(Change change) {
        if (change.kind() == StorageEventKind.DELETED) {
            known.remove(change.key());
        } else {
            known.put(change.key(), change.version());
        }
    }

    private void await(CompletionStage<?> published, int count) {
        try {
            published.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof PublishException failure
                    ? failure.reason() + ": " + failure.getMessage() : cause.toString();
            throw new StoragePollException("publishing " + count + " changes of " + lister.describe() + " to topic "
                    + topic + " failed (" + reason + "); the next poll publishes them again", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoragePollException("interrupted while Kafka acknowledged " + count + " changes of "
                    + lister.describe() + "; the next poll publishes them again", e);
        }
    }
}
