package dev.tributary.dispatcher.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The offsets of one partition between "received" and "committed". Records are received in offset order
 * (with gaps where the log has none: compaction, transaction markers) and complete in any order; the
 * committable offset is the one after the highest offset below which every received record is complete,
 * so a commit never passes a record that is not done. Not thread-safe: the consumer thread owns it.
 */
final class OffsetTracker {

    private final Deque<Long> pending = new ArrayDeque<>();
    private final Set<Long> completedOutOfOrder = new HashSet<>();
    private long nextOffset = -1;
    private long highestCompleted = -1;

    /** Notes a record handed out for processing. Offsets must increase. */
    void received(long offset) {
        if (offset < nextOffset) {
            throw new IllegalArgumentException("offset " + offset + " received after " + (nextOffset - 1));
        }
        pending.addLast(offset);
        nextOffset = offset + 1;
    }

    /** Notes a record done (processed, filtered out or dead-lettered). */
    void completed(long offset) {
        highestCompleted = Math.max(highestCompleted, offset);
        if (!pending.isEmpty() && pending.peekFirst() == offset) {
            pending.removeFirst();
            while (!pending.isEmpty() && completedOutOfOrder.remove(pending.peekFirst())) {
                pending.removeFirst();
            }
        } else {
            completedOutOfOrder.add(offset);
        }
    }

    /** The offset to commit (the next record to read after a restart), or -1 before the first record. */
    long committable() {
        return pending.isEmpty() ? nextOffset : pending.peekFirst();
    }

    /** The highest offset completed so far, or -1. */
    long highestCompleted() {
        return highestCompleted;
    }

    /** Whether every record received so far is complete. */
    boolean allDone() {
        return pending.isEmpty();
    }

    /** Records received and not yet complete. */
    int incomplete() {
        return pending.size() - completedOutOfOrder.size();
    }
}
