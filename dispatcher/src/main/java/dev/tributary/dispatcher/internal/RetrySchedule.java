package dev.tributary.dispatcher.internal;

import java.util.Collection;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/** Work waiting to be tried again, by the time it is due. Owned by the consumer thread. */
final class RetrySchedule {

    private record Entry(long dueMillis, Work work) {
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>((a, b) -> Long.compare(a.dueMillis, b.dueMillis));

    void add(Work work, long dueMillis) {
        entries.add(new Entry(dueMillis, work));
    }

    /** The earliest work due at {@code nowMillis}, removed from the schedule; null when none is due. */
    Work pollDue(long nowMillis) {
        Entry first = entries.peek();
        if (first == null || first.dueMillis > nowMillis) {
            return null;
        }
        return entries.poll().work;
    }

    /** Milliseconds until the earliest entry is due, or {@code Long.MAX_VALUE} when nothing waits. */
    long millisUntilNext(long nowMillis) {
        Entry first = entries.peek();
        return first == null ? Long.MAX_VALUE : Math.max(0, first.dueMillis - nowMillis);
    }

    /** Work waiting for its next attempt (or dead-letter write). */
    int size() {
        return entries.size();
    }

    /** Each work waiting, in no particular order. */
    void forEach(Consumer<Work> action) {
        entries.forEach(entry -> action.accept(entry.work));
    }

    /** Drops the work that {@code drop} selects. */
    void removeIf(Predicate<Work> drop) {
        entries.removeIf(entry -> drop.test(entry.work));
    }

    /** Drops the work of partitions this process no longer owns: the new owner starts them afresh. */
    void removeAll(Collection<TopicPartition> partitions) {
        entries.removeIf(entry -> partitions.contains(entry.work.partition));
    }
}
