package dev.tributary.ingest.publish.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work one item at a time, in the order it was submitted, on a thread of {@code threads} that exists only while
 * there is work: submitting never blocks and never runs the work on the caller's thread. Under load one thread
 * drains many items, so the cost of starting it is shared.
 *
 * <pre>
 *   idle --submit--> draining --queue empty--> idle
 *                       \--threads refuse (closed)--> every queued item abandoned
 * </pre>
 *
 * Thread-safe.
 *
 * @param <T> the work
 */
final class SerialLane<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLane.class);

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor threads;
    private final Consumer<T> work;
    private final BiConsumer<T, RejectedExecutionException> abandon;

    /**
     * @param work    runs each item; expected to handle its own failures
     * @param abandon told of each item that will never run, because {@code threads} refused a thread
     */
    SerialLane(Executor threads, Consumer<T> work, BiConsumer<T, RejectedExecutionException> abandon) {
        this.threads = threads;
        this.work = work;
        this.abandon = abandon;
    }

    void submit(T item) {
        queue.add(item);
        if (draining.compareAndSet(false, true)) {
            try {
                threads.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                abandonQueued(e);
            }
        }
    }

    private void drain() {
        do {
            for (T item = queue.poll(); item != null; item = queue.poll()) {
                run(item);
            }
            draining.set(false);
            // An item added between the last poll and the reset found the lane draining: take it on here.
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    private void run(T item) {
        try {
            work.accept(item);
        } catch (RuntimeException e) {
            // The lane must go on: one item's bug must not stall every item queued behind it.
            LOG.error("sending a publish's records failed unexpectedly", e);
        }
    }

    private void abandonQueued(RejectedExecutionException reason) {
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            abandon.accept(item, reason);
        }
    }
}
