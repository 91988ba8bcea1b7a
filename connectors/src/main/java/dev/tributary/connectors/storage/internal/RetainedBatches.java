package dev.tributary.connectors.storage.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The failed batches that keep their content for their events' retries, oldest first, within a budget of bytes.
 * Past the budget the oldest failed batch is forgotten: its events, when they come back, form new batches (still
 * at least once, but no longer under the same name). Thread-safe; it takes a partition's lock inside its own, never
 * the other way round.
 */
final class RetainedBatches {

    private record Retained(PartitionBatches partition, int bytes) {
    }

    private final long budget;
    private final Map<Batch, Retained> batches = new LinkedHashMap<>();
    private long bytes;

    /** @param budget the most bytes of content kept, over all partitions */
    RetainedBatches(long budget) {
        this.budget = budget;
    }

    /** Keeps a failed batch's content, forgetting the oldest ones over the budget. */
    synchronized void retain(PartitionBatches partition, Batch batch, int size) {
        if (!partition.holdsContent(batch) || batches.putIfAbsent(batch, new Retained(partition, size)) != null) {
            // Written (and released) since it failed, or retained already.
            return;
        }
        bytes += size;
        for (Iterator<Map.Entry<Batch, Retained>> oldest = batches.entrySet().iterator();
             bytes > budget && oldest.hasNext(); ) {
            Map.Entry<Batch, Retained> entry = oldest.next();
            // A batch being written or gathering its events is in use; it is released or failed again later.
            if (entry.getKey() != batch && entry.getValue().partition().evict(entry.getKey())) {
                bytes -= entry.getValue().bytes();
                oldest.remove();
            }
        }
    }

    /** A batch whose content is no longer needed: written, or forgotten. */
    synchronized void release(Batch batch) {
        Retained retained = batches.remove(batch);
        if (retained != null) {
            bytes -= retained.bytes();
        }
    }

    synchronized long bytes() {
        return bytes;
    }
}
