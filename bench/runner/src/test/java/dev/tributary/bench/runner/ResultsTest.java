package dev.tributary.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tributary.bench.core.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTest {

    private final Scenario noop = scenario("noop");
    private final Scenario io = scenario("io5ms");

    @Test
    void ratiosCompareMedians() {
        Results results = new Results();
        results.add(noop, run(ContenderKind.TRIBUTARY, 1, 80_000));
        results.add(noop, run(ContenderKind.TRIBUTARY, 2, 90_000));
        results.add(noop, run(ContenderKind.TRIBUTARY, 3, 10_000));
        results.add(noop, run(ContenderKind.RAW, 1, 100_000));

        assertThat(results.ratios(noop).get("tributary/raw")).isCloseTo(0.8, within(1e-3));
        assertThat(results.ratios(noop)).doesNotContainKeys("tributary/parallel-consumer", "tributary/ideal");
    }

    @Test
    void aSlowFunctionIsComparedWithCapOverFunctionTime() {
        Results results = new Results();
        results.add(io, run(ContenderKind.TRIBUTARY, 1, 18_000));
        results.add(io, run(ContenderKind.PARALLEL_CONSUMER, 1, 12_000));

        assertThat(io.idealRecordsPerSec()).isEqualTo(20_000);
        assertThat(results.ratios(io).get("tributary/ideal")).isCloseTo(0.9, within(1e-3));
        assertThat(results.ratios(io).get("tributary/parallel-consumer")).isCloseTo(1.5, within(1e-3));
    }

    @Test
    void targetsAreMetOnlyWhenMeasured() {
        Results results = new Results();
        results.add(io, run(ContenderKind.TRIBUTARY, 1, 18_000));
        results.add(io, run(ContenderKind.PARALLEL_CONSUMER, 1, 12_000));

        List<Targets.Target> targets = Targets.evaluate(results);
        assertThat(targets).extracting(Targets.Target::met).containsExactly(null, true, true, true, true);
    }

    @Test
    void theWorstRunCountsForViolationsAndLostRecords() {
        Results results = new Results();
        results.add(noop, new RunResult("noop", ContenderKind.RAW, 1,
                new Outcome(1_000, 990, 3, 2, 0, 1_000_000, 0, 0, 0, 0, 0, 0, 0), 0, true, 0, 0, 100, Double.NaN,
                Double.NaN, null));
        results.add(noop, run(ContenderKind.RAW, 2, 1_000));

        ContenderSummary summary = results.summary(noop, ContenderKind.RAW).orElseThrow();
        assertThat(summary.lost()).isEqualTo(10);
        assertThat(summary.orderViolations()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(3);
        assertThat(Targets.evaluate(results)).extracting(Targets.Target::met).containsExactly(null, null, null,
                false, false);
    }

    private static Scenario scenario(String name) {
        return Scenarios.all(true).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** A complete run at {@code rate} records/s: rate + 1 completions one second apart, first to last. */
    private static RunResult run(ContenderKind kind, int repeat, double rate) {
        long completed = Math.round(rate) + 1;
        return new RunResult("any", kind, repeat,
                new Outcome(completed, completed, 0, 0, 1, 1_000_001, 0, completed, 0, 0, 0, 0, 0),
                0, true, 0, 0, 100, Double.NaN, Double.NaN, null);
    }
}
