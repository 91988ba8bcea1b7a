package dev.tributary.dispatcher.internal;

import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.dispatcher.metrics.DispatcherMetrics.PartitionLag;

/** What the dispatcher holds for one assigned partition: offsets in progress and work waiting in lanes. */
final class PartitionState {

    final OffsetTracker offsets = new OffsetTracker();
    final LaneQueue<Work> lanes;
    /** Invocations and dead-letter writes running now; a revoke waits for these, not for scheduled retries. */
    int inFlight;
    long lastCommitted = -1;
    /** The highest offset an invocation was started for. */
    long highestStarted = -1;
    boolean paused;
    /**
     * The consumer's position when the lag was last read, or -1: every record below it has been received. Past
     * the last received record it covers what the log holds but never returns (transaction markers).
     */
    long knownPosition = -1;
    /** The partition's lag gauge, removed when the partition is revoked or lost. */
    final PartitionLag lag;

    /**
     * The offset a commit would write now: the first record not done, or, when every received record is done,
     * the consumer's position, so a partition that ends in a transaction marker is committed to its end.
     */
    long committable() {
        long committable = offsets.committable();
        return offsets.allDone() && knownPosition > committable ? knownPosition : committable;
    }

    PartitionState(OrderingMode ordering, PartitionLag lag) {
        this.lanes = new LaneQueue<>(ordering);
        this.lag = lag;
    }
}
