package dev.tributary.connectors.storage.internal;

import dev.tributary.connectors.storage.internal.Batch.State;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The batches of one topic partition: the one filling, those being written, and those remembered because their
 * write failed or because events of theirs may still come back. Batches never mix partitions, so an object's name
 * (topic, partition, first and last offset) says where all of its events came from.
 *
 * <p>An event that comes back (a retry, or a record read again) and belongs to a remembered batch rejoins that batch
 * rather than the one filling: see {@link Batch} for why. Thread-safe: every method holds the partition's lock and
 * returns the {@link Steps} to take once it is released.
 */
final class PartitionBatches {

    /** Written batches remembered for events that may still come back, per partition. */
    static final int REMEMBERED_WRITTEN = 1_000;

    private final String topic;
    private final int partition;
    private final BatchLimits limits;
    private final ObjectNames names;
    private final Map<Long, Batch> byOffset = new HashMap<>();
    /** Written batches that some failed event has not come back to yet, oldest first. */
    private final LinkedHashSet<Batch> writtenAndOwed = new LinkedHashSet<>();
    private Batch filling;

    PartitionBatches(String topic, int partition, BatchLimits limits, ObjectNames names) {
        this.topic = topic;
        this.partition = partition;
        this.limits = limits;
        this.names = names;
    }

    /**
     * Adds an event: to the batch that already holds its offset, or else to the batch filling, which is sealed for
     * writing when it reaches maxRecords or maxBytes.
     *
     * @param deadline when the event's invocation times out: its batch is due early enough to be written by then
     */
    synchronized Steps add(long offset, byte[] line, CompletableFuture<Void> done, Instant deadline, Instant now) {
        Steps steps = new Steps();
        Batch known = byOffset.get(offset);
        if (known != null) {
            rejoin(known, offset, done, deadline, now, steps);
            return steps;
        }
        if (filling != null && filling.bytes() + line.length > limits.maxBytes()) {
            seal(filling, steps);
        }
        if (filling == null) {
            filling = new Batch(now.plus(limits.maxAge()));
            steps.timer(filling);
        }
        filling.add(offset, line, done);
        byOffset.put(offset, filling);
        due(filling, deadline, steps);
        if (filling.size() >= limits.maxRecords() || filling.bytes() >= limits.maxBytes()) {
            seal(filling, steps);
        }
        return steps;
    }

    private void rejoin(Batch batch, long offset, CompletableFuture<Void> done, Instant deadline, Instant now,
                        Steps steps) {
        switch (batch.state()) {
            case FILLING, WRITING -> {
                batch.await(offset, done);
                if (batch.state() == State.FILLING) {
                    due(batch, deadline, steps);
                }
            }
            case WRITTEN -> {
                batch.settled(offset);
                steps.succeeded.add(done);
                if (batch.owesNothing()) {
                    forget(batch);
                }
            }
            case FAILED, GATHERING -> {
                if (batch.state() == State.FAILED) {
                    batch.state(State.GATHERING);
                    batch.dueAt(now.plus(limits.maxAge()));
                    steps.timer(batch);
                }
                batch.await(offset, done);
                due(batch, deadline, steps);
                if (batch.owesNothing()) {
                    write(batch, steps);
                }
            }
        }
    }

    /** Writes the batch if it is still filling or gathering and its time has come. */
    synchronized Steps flushIfDue(Batch batch, Instant now) {
        Steps steps = new Steps();
        boolean waiting = batch.state() == State.FILLING || batch.state() == State.GATHERING;
        if (waiting && !now.isBefore(batch.dueAt())) {
            seal(batch, steps);
        } else if (waiting) {
            steps.timer(batch);
        }
        return steps;
    }

    /** The object exists: every waiting invocation is done. */
    synchronized Steps written(Batch batch) {
        Steps steps = new Steps();
        batch.state(State.WRITTEN);
        steps.succeeded.addAll(batch.takeWaiting(false));
        batch.dropContent();
        steps.released = batch;
        if (batch.owesNothing()) {
            forget(batch);
        } else {
            writtenAndOwed.add(batch);
            if (writtenAndOwed.size() > REMEMBERED_WRITTEN) {
                forget(writtenAndOwed.iterator().next());
            }
        }
        return steps;
    }

    /**
     * The write failed: every waiting invocation fails with {@code error}. A batch {@code kept} waits, with its
     * content, for its events to come back; otherwise it is forgotten and its events go their way (the dead-letter
     * topic, for a final failure).
     */
    synchronized Steps failed(Batch batch, RuntimeException error, boolean kept) {
        Steps steps = new Steps();
        steps.fail(batch.takeWaiting(true), error);
        if (kept) {
            batch.state(State.FAILED);
            steps.retained = batch;
            steps.retainedBytes = batch.body().length;
        } else {
            forget(batch);
            steps.released = batch;
        }
        return steps;
    }

    /** Whether the batch still has its content: not written, and remembered. */
    synchronized boolean holdsContent(Batch batch) {
        return batch.body() != null && byOffset.get(batch.offsets().iterator().next()) == batch;
    }

    /** Forgets a failed batch kept for its events' retries, to bound memory; whether it could. */
    synchronized boolean evict(Batch batch) {
        if (batch.state() != State.FAILED) {
            return false;
        }
        forget(batch);
        return true;
    }

    /**
     * On close: every invocation waiting for a batch that is not being written fails with {@code error}, and no such
     * batch is written any more. Their offsets are not committed, so their events are read again from there.
     */
    synchronized Steps abandon(RuntimeException error) {
        Steps steps = new Steps();
        for (Batch batch : new LinkedHashSet<>(byOffset.values())) {
            if (batch.state() == State.FILLING || batch.state() == State.GATHERING) {
                steps.fail(batch.takeWaiting(true), error);
                if (batch.state() == State.FILLING) {
                    forget(batch);
                } else {
                    batch.state(State.FAILED);
                }
            }
        }
        return steps;
    }

    /** Seals the batch and hands it to a writer. */
    private void seal(Batch batch, Steps steps) {
        if (batch == filling) {
            filling = null;
        }
        batch.seal(names, topic, partition);
        write(batch, steps);
    }

    private void write(Batch batch, Steps steps) {
        batch.state(State.WRITING);
        steps.write(batch);
    }

    /** Brings the batch's due time forward so that it is written before {@code deadline}. */
    private void due(Batch batch, Instant deadline, Steps steps) {
        if (batch.dueNoLaterThan(deadline.minus(limits.timeout()))) {
            steps.timer(batch);
            steps.closedEarlyForDeadline = true;
        }
    }

    private void forget(Batch batch) {
        if (batch == filling) {
            filling = null;
        }
        writtenAndOwed.remove(batch);
        batch.offsets().forEach(offset -> byOffset.remove(offset, batch));
    }

    /** The size limits and timings every batch of the sink follows. */
    record BatchLimits(int maxRecords, long maxBytes, Duration maxAge, Duration timeout) {
    }
}
