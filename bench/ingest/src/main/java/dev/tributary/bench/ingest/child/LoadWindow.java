package dev.tributary.bench.ingest.child;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The phases of a load run on the monotonic clock: a warm-up (JIT, connections, the producer's metadata and first
 * batches), the measurement window, then no new requests while those in flight are answered. An acknowledgement
 * counts when it arrives within the window, whenever its request was sent: the window's throughput is what the
 * adapter completed in it.
 */
public final class LoadWindow {

    private final long measureStartNanos;
    private final long measureEndNanos;

    private LoadWindow(long measureStartNanos, long measureEndNanos) {
        this.measureStartNanos = measureStartNanos;
        this.measureEndNanos = measureEndNanos;
    }

    /** A window that opens {@code warmup} after {@code nowNanos} and stays open for {@code measure}. */
    public static LoadWindow startingAt(long nowNanos, Duration warmup, Duration measure) {
        long start = nowNanos + warmup.toNanos();
        return new LoadWindow(start, start + measure.toNanos());
    }

    /** Whether an acknowledgement that arrived at {@code nanos} is measured. */
    public boolean measures(long nanos) {
        return nanos - measureStartNanos >= 0 && nanos - measureEndNanos < 0;
    }

    /** Whether the window has closed at {@code nanos}: no new requests from then on. */
    public boolean isOver(long nanos) {
        return nanos - measureEndNanos >= 0;
    }

    public double measureSeconds() {
        return (measureEndNanos - measureStartNanos) / 1e9;
    }

    /**
     * Sleeps through the warm-up and the window on the calling thread, saying {@link ChildLifecycle#MEASURING} and
     * {@link ChildLifecycle#MEASURED} at its edges so that the runner can read the CPU clocks of every JVM then.
     */
    public void announce() {
        sleepUntil(measureStartNanos);
        ChildLifecycle.say(ChildLifecycle.MEASURING);
        sleepUntil(measureEndNanos);
        ChildLifecycle.say(ChildLifecycle.MEASURED);
    }

    private static void sleepUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
