package dev.tributary.dispatcher.internal;

import dev.tributary.dispatcher.OrderingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The records of one partition waiting to run, in lanes: a lane runs one record at a time, in the order
 * records arrived. {@link OrderingMode#PARTITION} has one lane, {@link OrderingMode#KEY} a lane per key (and one
 * for null keys), {@link OrderingMode#UNORDERED} no lanes at all. Not thread-safe: the consumer thread owns it.
 *
 * @param <W> a unit of work
 */
final class LaneQueue<W> {

    private static final Object NULL_KEY_LANE = new Object();
    private static final Object PARTITION_LANE = new Object();

    private final OrderingMode mode;
    private final Map<Object, Lane<W>> lanes = new HashMap<>();
    private final Deque<Lane<W>> ready = new ArrayDeque<>();
    private final Deque<W> unordered = new ArrayDeque<>();
    private int buffered;
    private int running;

    LaneQueue(OrderingMode mode) {
        this.mode = mode;
    }

    /** Queues {@code work} behind the earlier work of its lane; {@code orderingKey} matters in {@code KEY} mode. */
    void add(W work, Optional<?> orderingKey) {
        buffered++;
        if (mode == OrderingMode.UNORDERED) {
            unordered.addLast(work);
            return;
        }
        Lane<W> lane = lanes.computeIfAbsent(laneKey(orderingKey), ignored -> new Lane<>());
        lane.queue.addLast(work);
        if (!lane.busy && lane.queue.size() == 1) {
            ready.addLast(lane);
        }
    }

    /** The next work that may run now, its lane then busy until {@link #done}; null when none may. */
    W next() {
        W work;
        if (mode == OrderingMode.UNORDERED) {
            work = unordered.pollFirst();
        } else {
            Lane<W> lane = ready.pollFirst();
            if (lane == null) {
                return null;
            }
            lane.busy = true;
            work = lane.queue.pollFirst();
            lane.running = work;
        }
        if (work != null) {
            buffered--;
            running++;
        }
        return work;
    }

    /** Marks running work finished, freeing its lane for the next work in it. */
    void done(W work, Optional<?> orderingKey) {
        running--;
        if (mode == OrderingMode.UNORDERED) {
            return;
        }
        Object laneKey = laneKey(orderingKey);
        Lane<W> lane = lanes.get(laneKey);
        if (lane == null || lane.running != work) {
            throw new IllegalStateException("work finished that was not running in its lane: " + work);
        }
        lane.busy = false;
        lane.running = null;
        if (lane.queue.isEmpty()) {
            // Lanes come and go with their keys, so a partition with millions of keys holds only the busy ones.
            lanes.remove(laneKey);
        } else {
            ready.addLast(lane);
        }
    }

    /** Whether {@link #next} would hand out work now. */
    boolean hasReady() {
        return mode == OrderingMode.UNORDERED ? !unordered.isEmpty() : !ready.isEmpty();
    }

    /** Work queued behind the running work of {@code orderingKey}'s lane; 0 in {@code UNORDERED} mode. */
    int queuedBehind(Optional<?> orderingKey) {
        if (mode == OrderingMode.UNORDERED) {
            return 0;
        }
        Lane<W> lane = lanes.get(laneKey(orderingKey));
        return lane == null ? 0 : lane.queue.size();
    }

    /** Work queued and not yet handed out. */
    int buffered() {
        return buffered;
    }

    /** Work handed out and not yet done. */
    int running() {
        return running;
    }

    /** Drops the queued (not started) work that {@code drop} selects, keeping the order of the rest. */
    void removeQueued(Predicate<W> drop) {
        int removed = 0;
        for (Lane<W> lane : lanes.values()) {
            int before = lane.queue.size();
            lane.queue.removeIf(drop);
            removed += before - lane.queue.size();
        }
        int before = unordered.size();
        unordered.removeIf(drop);
        removed += before - unordered.size();
        lanes.values().removeIf(lane -> !lane.busy && lane.queue.isEmpty());
        ready.removeIf(lane -> lane.queue.isEmpty());
        buffered -= removed;
    }

    /** Drops every queued record that has not started; running ones stay until {@link #done}. */
    void clearQueued() {
        for (Lane<W> lane : lanes.values()) {
            lane.queue.clear();
        }
        lanes.values().removeIf(lane -> !lane.busy);
        ready.clear();
        unordered.clear();
        buffered = 0;
    }

    private Object laneKey(Optional<?> orderingKey) {
        return mode == OrderingMode.PARTITION ? PARTITION_LANE : orderingKey.map(Object.class::cast).orElse(NULL_KEY_LANE);
    }

    private static final class Lane<W> {
        final Deque<W> queue = new ArrayDeque<>();
        boolean busy;
        W running;
    }
}
