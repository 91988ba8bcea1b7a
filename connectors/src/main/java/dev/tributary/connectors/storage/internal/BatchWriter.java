package dev.tributary.connectors.storage.internal;

import dev.tributary.connectors.internal.CloudEventJson;
import dev.tributary.connectors.storage.internal.PartitionBatches.BatchLimits;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.RetryableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches events per topic partition and writes each batch as one object, completing an event's invocation only once
 * the object holding it exists: the dispatcher then commits its offset, never before. A batch is written when it
 * reaches {@code maxRecords} or {@code maxBytes}, or when it is due: {@code maxAge} after its first event, or earlier
 * when an event's invocation would otherwise time out first. A failed write fails every event of the batch, which the
 * dispatcher retries or dead-letters; see {@link Batch} for how a retried event rejoins its batch.
 *
 * <p>It owns a timer thread, which makes batches due, and writes on virtual threads; {@link #close()} stops both.
 * Thread-safe.
 */
public final class BatchWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
    /** Failed batches keep their content for their events' retries up to this many times maxBytes, in all. */
    static final int RETAINED_BATCHES = 4;

    private record PartitionId(String topic, int partition) {
    }

    private final StorageSettings settings;
    private final ObjectStore store;
    private final Clock clock;
    private final CloudEventJson json = CloudEventJson.line();
    private final ObjectNames names;
    private final BatchLimits limits;
    private final RetainedBatches retained;
    private final Map<PartitionId, PartitionBatches> partitions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean warnedAboutDeadlines = new AtomicBoolean();
    private volatile boolean closed;

    public BatchWriter(StorageSettings settings, ObjectStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.names = new ObjectNames(settings.prefix(), settings.format());
        this.limits = new BatchLimits(settings.maxRecords(), settings.maxBytes(), settings.maxAge(),
                settings.timeout());
        this.retained = new RetainedBatches(RETAINED_BATCHES * settings.maxBytes());
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("tributary-" + settings.functionName() + "-batches").factory());
    }

    /**
     * Adds the event to its partition's batch.
     *
     * @param deadline when the event's invocation times out
     * @return completes when the object holding the event exists; fails as the write failed
     */
    public CompletableFuture<Void> add(Event<byte[]> event, Instant deadline) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(closing());
            return done;
        }
        byte[] line = line(event);
        PartitionBatches partition = partitions.computeIfAbsent(new PartitionId(event.topic(), event.partition()),
                id -> new PartitionBatches(id.topic(), id.partition(), limits, names));
        apply(partition, partition.add(event.offset(), line, done, deadline, clock.instant()));
        return done;
    }

    /**
     * Stops the timer and the writers. Batches not being written are dropped and their invocations failed: the
     * dispatcher has stopped by now and committed only what was written, so their events are read again by the
     * partition's next owner, which writes them. A write still running is abandoned after {@code timeout}.
     */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        RetryableException closing = closing();
        partitions.values().forEach(partition -> apply(partition, partition.abandon(closing)));
        writers.shutdownNow();
        try {
            if (!writers.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("object storage sink {}: a write still ran {} after closing; abandoned",
                        settings.functionName(), settings.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
    }

    /** Failed batches' content kept for their events' retries, in bytes. */
    long retainedBytes() {
        return retained.bytes();
    }

    private byte[] line(Event<byte[]> event) {
        byte[] json = this.json.write(event);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    private void apply(PartitionBatches partition, Steps steps) {
        if (steps.closedEarlyForDeadline && warnedAboutDeadlines.compareAndSet(false, true)) {
            log.warn("object storage sink {} writes batches before maxAge ({}) so that they are written within their"
                    + " events' invocation timeout; raise the subscription's timeout above maxAge plus timeout ({})"
                    + " to get full batches", settings.functionName(), settings.maxAge(),
                    settings.maxAge().plus(settings.timeout()));
        }
        if (steps.released != null) {
            retained.release(steps.released);
        }
        if (steps.retained != null) {
            retained.retain(partition, steps.retained, steps.retainedBytes);
        }
        steps.timers.forEach(timer -> schedule(partition, timer));
        steps.writes.forEach(write -> submit(partition, write));
        steps.succeeded.forEach(done -> done.complete(null));
        steps.failed.forEach(done -> done.completeExceptionally(steps.failure));
    }

    private void schedule(PartitionBatches partition, Steps.Timer due) {
        // Rounded up, so that the batch is due when the timer fires.
        long delayMicros = Math.max(0, Duration.between(clock.instant(), due.dueAt()).toNanos() / 1_000 + 1);
        try {
            timer.schedule(() -> apply(partition, partition.flushIfDue(due.batch(), clock.instant())), delayMicros,
                    TimeUnit.MICROSECONDS);
        } catch (RejectedExecutionException stopped) {
            // Closing: close() abandons the batch.
        }
    }

    private void submit(PartitionBatches partition, Steps.Write write) {
        try {
            writers.execute(() -> write(partition, write));
        } catch (RejectedExecutionException stopped) {
            apply(partition, partition.failed(write.batch(), closing(), true));
        }
    }

    private void write(PartitionBatches partition, Steps.Write write) {
        Steps steps;
        try {
            store.put(write.name(), write.body(), settings.format().contentType());
            steps = partition.written(write.batch());
        } catch (NonRetryableException e) {
            log.warn("{}; its events go to the dead-letter topic", e.getMessage());
            steps = partition.failed(write.batch(), e, false);
        } catch (RuntimeException e) {
            RuntimeException failure = e instanceof RetryableException ? e
                    : new RetryableException("object storage sink " + settings.functionName() + " writing "
                            + write.name() + " failed: " + e, e);
            if (write.attempt() == 1) {
                log.warn("{}; its events are retried, which write the batch again", failure.getMessage());
            } else {
                log.debug("{} (write {} of the batch); its events are retried", failure.getMessage(),
                        write.attempt());
            }
            steps = partition.failed(write.batch(), failure, true);
        }
        apply(partition, steps);
    }

    private RetryableException closing() {
        return new RetryableException("object storage sink " + settings.functionName() + " is closing: the batch was"
                + " not written, and its events are read again from the last committed offset");
    }
}
