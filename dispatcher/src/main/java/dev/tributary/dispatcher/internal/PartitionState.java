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
    /** The partition's lag gauge, removed when the partition is revoked or lost. */
    final PartitionLag lag;

    PartitionState(OrderingMode ordering, PartitionLag lag) {
        this.lanes = new LaneQueue<>(ordering);
        this.lag = lag;
    }
}
