package dev.tributary.bench.runner;

import java.util.Locale;

/** One line per run on the console, so that a long benchmark shows where it is. */
final class Progress {

    private Progress() {
    }

    static String line(Scenario scenario, RunResult run, int repeats) {
        String head = String.format(Locale.ROOT, "   run %d/%d  %-18s", run.repeat(), repeats, run.contender().id());
        if (!run.succeeded()) {
            return head + "FAILED: " + run.failure();
        }
        StringBuilder line = new StringBuilder(head);
        line.append(String.format(Locale.ROOT, "%,10.0f records/s  cpu %5.1f us/record  startup %4.1f s",
                run.recordsPerSec(), run.cpuMicrosPerRecord(), run.startupMs() / 1000));
        if (scenario.live()) {
            line.append(String.format(Locale.ROOT, "  rate %,.0f/s  p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms",
                    run.targetRate(), run.outcome().p50Micros() / 1000.0, run.outcome().p99Micros() / 1000.0,
                    run.outcome().p999Micros() / 1000.0));
        }
        line.append(String.format(Locale.ROOT, "  violations %d  duplicates %d  lost %d  lag %s  rss %d MB",
                run.outcome().orderViolations(), run.outcome().duplicates(), run.lost(),
                run.lagZero() ? "0" : String.valueOf(run.lagAtEnd()), run.peakRssMb()));
        return line.toString();
    }
}
