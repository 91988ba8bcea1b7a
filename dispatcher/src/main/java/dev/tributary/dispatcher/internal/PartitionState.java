package dev.tributary.dispatcher.internal;

import dev.tributary.dispatcher.OrderingMode;

/** What the dispatcher holds for one assigned partition: offsets in progress and work waiting in lanes. */
final class PartitionState {

    final OffsetTracker offsets = new OffsetTracker();
    final LaneQueue<Work> lanes;
    long lastCommitted = -1;
    boolean paused;

    PartitionState(OrderingMode ordering) {
        this.lanes = new LaneQueue<>(ordering);
    }
}
