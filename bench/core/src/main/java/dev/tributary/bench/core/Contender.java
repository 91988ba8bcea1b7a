package dev.tributary.bench.core;

/** One way of consuming the benchmark topic: starts consuming and hands every record to the workload. */
@FunctionalInterface
public interface Contender {

    /**
     * Starts consuming {@code args.topic()} in {@code args.group()} from the earliest offset, committing offsets
     * as the contender normally does, and calls {@code workload} for every record.
     *
     * @return what stops it: called once the runner has read the result and checked the committed offsets
     */
    AutoCloseable start(ContenderArgs args, Workload workload) throws Exception;
}
