package dev.tributary.launcher.config;

/**
 * Where a function's consumer group starts reading when it has no committed offsets yet, which is the case of a
 * new function (Kafka's {@code auto.offset.reset}). A group that has committed resumes where it left off.
 */
public enum StartFrom {

    /** From the oldest record the topics still hold: the function also handles what was written before it. */
    EARLIEST,

    /** From the records written after the group first joins. The default. */
    LATEST
}
