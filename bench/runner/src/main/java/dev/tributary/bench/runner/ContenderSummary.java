package dev.tributary.bench.runner;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One contender's figures in one scenario over its repeated runs: the median of each figure, the spread of the
 * throughput, and the worst of the correctness counts (one violation in one run is one too many).
 */
record ContenderSummary(ContenderKind contender, List<RunResult> runs) {

    double recordsPerSec() {
        return median(RunResult::recordsPerSec);
    }

    double recordsPerSecMin() {
        return Figures.min(values(RunResult::recordsPerSec));
    }

    double recordsPerSecMax() {
        return Figures.max(values(RunResult::recordsPerSec));
    }

    double spread() {
        return Figures.relativeSpread(recordsPerSec(), recordsPerSecMin(), recordsPerSecMax());
    }

    double cpuMicrosPerRecord() {
        return median(RunResult::cpuMicrosPerRecord);
    }

    double startupMs() {
        return median(RunResult::startupMs);
    }

    double p50Ms() {
        return median(run -> run.succeeded() ? run.outcome().p50Micros() / 1000.0 : Double.NaN);
    }

    double p99Ms() {
        return median(run -> run.succeeded() ? run.outcome().p99Micros() / 1000.0 : Double.NaN);
    }

    double p999Ms() {
        return median(run -> run.succeeded() ? run.outcome().p999Micros() / 1000.0 : Double.NaN);
    }

    double maxMs() {
        return median(run -> run.succeeded() ? run.outcome().maxMicros() / 1000.0 : Double.NaN);
    }

    double peakRssMb() {
        return median(run -> run.peakRssMb() < 0 ? Double.NaN : run.peakRssMb());
    }

    double targetRate() {
        return median(RunResult::targetRate);
    }

    double producedRate() {
        return median(RunResult::producedRate);
    }

    long orderViolations() {
        return worst(run -> run.succeeded() ? run.outcome().orderViolations() : 0);
    }

    long duplicates() {
        return worst(run -> run.succeeded() ? run.outcome().duplicates() : 0);
    }

    /** The most records any run that reported did not complete; see {@link #failedRuns()} for the others. */
    long lost() {
        return worst(run -> run.succeeded() ? run.lost() : 0);
    }

    /** Whether every live run kept up with its produced rate. */
    boolean keptUp() {
        return runs.stream().allMatch(RunResult::keptUp);
    }

    boolean lagZero() {
        return runs.stream().allMatch(RunResult::lagZero);
    }

    long failedRuns() {
        return runs.stream().filter(run -> !run.succeeded()).count();
    }

    private double median(ToDoubleFunction<RunResult> figure) {
        return Figures.median(values(figure));
    }

    private double[] values(ToDoubleFunction<RunResult> figure) {
        return runs.stream().mapToDouble(figure).toArray();
    }

    private long worst(ToLongFunction<RunResult> count) {
        return runs.stream().mapToLong(count).max().orElse(0);
    }
}
