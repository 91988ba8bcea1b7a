package dev.tributary.dispatcher.internal;

import dev.tributary.dispatcher.DispatcherStats;
import java.util.concurrent.atomic.LongAdder;

/** The dispatcher's own counts, kept where they happen. */
final class Counters implements DispatcherStats {

    final LongAdder filtered = new LongAdder();
    final LongAdder undecodable = new LongAdder();
    final LongAdder succeeded = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    volatile long buffered;
    volatile long inFlight;
    volatile int concurrencyLimit;

    @Override
    public long filtered() {
        return filtered.sum();
    }

    @Override
    public long undecodable() {
        return undecodable.sum();
    }

    @Override
    public long succeeded() {
        return succeeded.sum();
    }

    @Override
    public long failed() {
        return failed.sum();
    }

    @Override
    public long retried() {
        return retried.sum();
    }

    @Override
    public long deadLettered() {
        return deadLettered.sum();
    }

    @Override
    public long buffered() {
        return buffered;
    }

    @Override
    public long inFlight() {
        return inFlight;
    }

    @Override
    public int concurrencyLimit() {
        return concurrencyLimit;
    }

    @Override
    public String toString() {
        return "succeeded=" + succeeded() + " failed=" + failed() + " filtered=" + filtered() + " undecodable=" + undecodable()
                + " retried=" + retried() + " deadLettered=" + deadLettered()
                + " buffered=" + buffered + " inFlight=" + inFlight + " limit=" + concurrencyLimit;
    }
}
