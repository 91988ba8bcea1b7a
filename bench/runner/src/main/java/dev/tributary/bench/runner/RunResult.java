package dev.tributary.bench.runner;

import dev.tributary.bench.core.Outcome;

/**
 * Everything measured in one run of one contender in one scenario.
 *
 * @param outcome     what the contender reported; null when the run failed
 * @param launchMicros when the runner started the contender JVM, microseconds since the epoch
 * @param lagZero     whether the group's committed offsets reached the end offsets after the last completion
 * @param lagAtEnd    records not committed when the runner stopped waiting
 * @param commitWaitMs how long after the contender's report the commits reached the end
 * @param peakRssMb   the contender JVM's peak resident set ({@code VmHWM})
 * @param targetRate  for a live run, the rate the records were produced at; NaN otherwise
 * @param producedRate for a live run, the rate the loader achieved; NaN otherwise
 * @param failure     why the run failed; null when it did not
 */
record RunResult(String scenario, ContenderKind contender, int repeat, Outcome outcome, long launchMicros,
                 boolean lagZero, long lagAtEnd, long commitWaitMs, long peakRssMb, double targetRate,
                 double producedRate, String failure) {

    /** A live run completing at least this share of the produced rate kept up with it. */
    static final double KEPT_UP_SHARE = 0.95;

    static RunResult failed(String scenario, ContenderKind contender, int repeat, long peakRssMb, String failure) {
        return new RunResult(scenario, contender, repeat, null, 0, false, -1, 0, peakRssMb, Double.NaN, Double.NaN,
                failure);
    }

    boolean succeeded() {
        return outcome != null;
    }

    /** Records completed per second, from the first completion to the last. */
    double recordsPerSec() {
        return succeeded() ? Figures.recordsPerSec(outcome.distinct(), outcome.firstMicros(), outcome.lastMicros())
                : Double.NaN;
    }

    /**
     * CPU time of the contender JVM (all its threads) per record, over the throughput window: what a record costs
     * whatever else runs on the machine.
     */
    double cpuMicrosPerRecord() {
        return succeeded() && outcome.distinct() > 1 && outcome.cpuMicros() > 0
                ? (double) outcome.cpuMicros() / (outcome.distinct() - 1) : Double.NaN;
    }

    /** From the JVM's launch to the first completion: start-up, group join and first fetch. */
    double startupMs() {
        return succeeded() && outcome.firstMicros() > 0 ? (outcome.firstMicros() - launchMicros) / 1000.0 : Double.NaN;
    }

    /**
     * For a live run, whether the contender completed records about as fast as they were produced; when it did
     * not, its latencies measure a growing backlog rather than the path of one record.
     */
    boolean keptUp() {
        return !Double.isNaN(producedRate) && recordsPerSec() >= KEPT_UP_SHARE * producedRate;
    }

    long lost() {
        return succeeded() ? Math.max(0, outcome.expected() - outcome.distinct()) : -1;
    }
}
