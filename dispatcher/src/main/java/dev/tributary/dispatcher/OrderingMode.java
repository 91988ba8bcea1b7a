package dev.tributary.dispatcher;

/**
 * How a function's invocations are ordered, and so how far they can run in parallel. Whatever the mode,
 * offsets are committed only up to the first record that is not done, so a restart never skips work.
 */
public enum OrderingMode {

    /**
     * One invocation in flight per partition: records of a partition are handled one at a time, in offset
     * order. Parallelism is capped by the number of assigned partitions.
     */
    PARTITION,

    /**
     * One invocation in flight per key: records with the same key are handled one at a time, in offset order,
     * while different keys of a partition run in parallel up to the concurrency cap. Keys compare by their
     * bytes; records with a null key are ordered per partition, as in {@link #PARTITION}.
     */
    KEY,

    /** No order: records run in parallel up to the concurrency cap, completing in any order. */
    UNORDERED
}
