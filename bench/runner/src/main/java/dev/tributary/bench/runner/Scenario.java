package dev.tributary.bench.runner;

import dev.tributary.bench.core.ContenderArgs.Ordering;
import java.time.Duration;
import java.util.List;

/**
 * One scenario of the benchmark.
 *
 * @param name        its name in reports, on the command line and in the JSON
 * @param description one line for the report
 * @param dataset     the records it reads: backlog scenarios with the same dataset share one loaded topic
 * @param work        how long the function works per record
 * @param ordering    the order asked of the contenders
 * @param cap         the in-flight cap of the contenders that have one
 * @param contenders  who runs it, in this order
 * @param live        whether records are produced at a fixed rate while the contender runs (a latency run),
 *                    rather than loaded before it starts (a throughput run over a backlog)
 */
record Scenario(String name, String description, Dataset dataset, Duration work, Ordering ordering, int cap,
                List<ContenderKind> contenders, boolean live) {

    /** The throughput no contender can pass with this cap: cap / function time; none for a 0 ms function. */
    double idealRecordsPerSec() {
        return work.isZero() ? Double.NaN : cap * 1_000_000_000.0 / work.toNanos();
    }

    /**
     * The records a scenario reads.
     *
     * @param name         names the topic of a backlog
     * @param records      how many a backlog holds; 0 for a live run
     * @param liveDuration how long a live run produces; zero for a backlog
     */
    record Dataset(String name, long records, Duration liveDuration) {

        String topic() {
            return "bench-" + name + "-" + records;
        }
    }
}
