package dev.tributary.bench.ingest;

import static dev.tributary.bench.ingest.ComparisonTest.measured;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private final List<Comparison> comparisons = List.of(
            new Comparison("http", measured("tributary-http", 12_345.6, 200_000, 200_000),
                    measured("producer-perf-1k", 49_382.4, 900_000, 900_000)),
            new Comparison("mqtt", measured("tributary-mqtt", 9_000, 150_000, 149_999),
                    Measurement.failed("producer-perf-100b", 3.0, "no summary | see the log")));

    @Test
    void theRatioTableHasOneRowPerPath() {
        assertThat(MarkdownReport.ratioTable(comparisons)).isEqualTo("""
                | path | Tributary events/s | ProducerPerformance records/s | ratio | Tributary ack p50 / p99 ms | ProducerPerformance p50 / p99 ms | acknowledged = on topic |
                |---|---:|---:|---:|---:|---:|---|
                | http | 12,346 | 49,382 | 0.25 | 3.50 / 12.3 | 3.50 / 12.3 | yes |
                | mqtt | 9,000 | – | – | 3.50 / 12.3 | – / – | **no** |
                """);
    }

    @Test
    void theContenderTableShowsLossesAndFailures() {
        String table = MarkdownReport.contenderTable(comparisons);

        assertThat(table).contains("| tributary-http | 12,346 | 4.20 | 3.50 | 12.3 | 20.0 | 31.0 | 52 | 200,000 | "
                + "200,000 | 0 | 0 | 1144 | 80.5 | 30.0 | 12.3 | 1.5 |");
        assertThat(table).contains("| tributary-mqtt | 9,000 |").contains("| **1** |");
        assertThat(table).contains("| producer-perf-100b | failed: no summary \\| see the log |");
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.chars().filter(c -> c == '|').count()
                - line.split("\\\\\\|", -1).length + 1).isEqualTo(18));
    }

    @Test
    void aBusyMachineMakesTheReportProvisional() {
        RunInfo busy = new RunInfo("2026-01-01T00-00-00", true, Timing.QUICK, "2 cores", "JDK", 2, 9.4, 12.0,
                Duration.ofSeconds(106));

        assertThat(MarkdownReport.render(busy, comparisons)).contains("**Provisional**: other work was using this "
                + "2-core machine (load average 9.4 at the start, 12.0 at the end)")
                .contains("**Quick run**").contains("- Elapsed: 1 min 46 s");
    }

    @Test
    void theProgressLineSaysWhatWasAcknowledgedAndLost() {
        assertThat(MarkdownReport.progressLine(comparisons.get(1).tributary())).isEqualTo("   tributary-mqtt"
                + " ".repeat(9) + "9,000 events/s  ack p50 3.50 ms, p99 12.3 ms  acknowledged 150,000, on topic "
                + "149,999, lost 1, failed 0");
        assertThat(MarkdownReport.progressLine(comparisons.get(1).baseline()))
                .isEqualTo("   producer-perf-100b FAILED: no summary | see the log");
    }

    @Test
    void figuresUseFixedFormatsAndADashForWhatWasNotMeasured() {
        assertThat(Figures.millis(3.456)).isEqualTo("3.46");
        assertThat(Figures.millis(34.56)).isEqualTo("34.6");
        assertThat(Figures.millis(345.6)).isEqualTo("346");
        assertThat(Figures.millis(Double.NaN)).isEqualTo("–");
        assertThat(Figures.ratio(0.254)).isEqualTo("0.25");
        assertThat(Figures.ratio(0.0146)).isEqualTo("0.015");
    }
}
