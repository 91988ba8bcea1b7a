package dev.tributary.bench.runner;

import dev.tributary.bench.core.ContenderArgs.Ordering;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The goals the report checks the figures against. They are stated for the report only: no build fails on
 * them, as a benchmark on a shared machine is no test.
 */
final class Targets {

    /**
     * One goal.
     *
     * @param met null when what it needs was not measured in this run
     */
    record Target(String goal, String measured, Boolean met) {
    }

    private Targets() {
    }

    static List<Target> evaluate(Results results) {
        List<Target> targets = new ArrayList<>();
        targets.add(ratioAtLeast(results, "noop", "tributary/raw", 0.8));
        targets.add(ratioAtLeast(results, "io5ms", "tributary/ideal", 0.9));
        targets.add(ratioAtLeast(results, "io5ms", "tributary/parallel-consumer", 1.5));
        targets.add(noOrderViolations(results));
        targets.add(nothingLost(results));
        return targets;
    }

    private static Target ratioAtLeast(Results results, String scenarioName, String ratio, double goal) {
        String text = scenarioName + ": " + ratio + " >= " + goal;
        Optional<Scenario> scenario = results.scenario(scenarioName);
        Double value = scenario.map(s -> results.ratios(s).get(ratio)).orElse(null);
        if (value == null) {
            return new Target(text, "not measured", null);
        }
        return new Target(text, String.format(Locale.ROOT, "%.2f", value), value >= goal);
    }

    private static Target noOrderViolations(Results results) {
        long violations = 0;
        boolean measured = false;
        for (Scenario scenario : results.scenarios()) {
            if (scenario.ordering() == Ordering.KEY) {
                for (ContenderSummary summary : results.summaries(scenario)) {
                    measured = true;
                    violations += summary.orderViolations();
                }
            }
        }
        return new Target("no ordering violation in any ordered run", measured ? String.valueOf(violations)
                : "not measured", measured ? violations == 0 : null);
    }

    private static Target nothingLost(Results results) {
        long lost = 0;
        long failed = 0;
        for (Scenario scenario : results.scenarios()) {
            for (ContenderSummary summary : results.summaries(scenario)) {
                lost += summary.lost();
                failed += summary.failedRuns();
            }
        }
        String measured = lost + " lost" + (failed > 0 ? ", " + failed + " failed run(s)" : "");
        return new Target("no record lost in any run", measured, lost == 0 && failed == 0);
    }
}
