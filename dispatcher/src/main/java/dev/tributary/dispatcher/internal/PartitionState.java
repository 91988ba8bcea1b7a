package dev.tributary.dispatcher.internal;

import dev.tributary.dispatcher.OrderingMode;

/** What the dispatcher holds for one assigned partition: offsets in progress and work waiting in lanes. */
final class PartitionState {

    final OffsetTracker offsets = new OffsetTracker();
    final LaneQueue<Work> lanes;
    /** Invocations and dead-letter writes running now; a revoke waits for these, not for scheduled retries. */
    int inFlight;
    long lastCommitted = -1;
    boolean paused;

    PartitionState(OrderingMode ordering) {
        this.lanes = new LaneQueue<>(ordering);
    }
}
