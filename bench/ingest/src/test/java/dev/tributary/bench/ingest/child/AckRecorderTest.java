package dev.tributary.bench.ingest.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AckRecorderTest {

    private static final long MS = 1_000_000;
    /** Warm-up from 0 to 1 s, window from 1 s to 11 s, on a made-up monotonic clock. */
    private final LoadWindow window = LoadWindow.startingAt(0, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void theWindowHoldsItsStartButNotItsEnd() {
        assertThat(window.measures(1_000 * MS - 1)).isFalse();
        assertThat(window.measures(1_000 * MS)).isTrue();
        assertThat(window.measures(11_000 * MS - 1)).isTrue();
        assertThat(window.measures(11_000 * MS)).isFalse();
        assertThat(window.isOver(11_000 * MS)).isTrue();
        assertThat(window.measureSeconds()).isEqualTo(10.0);
    }

    @Test
    void onlyAcknowledgementsWithinTheWindowAreMeasuredButAllAreCounted() {
        AckRecorder recorder = new AckRecorder(window);
        // 1,000 acknowledgements in the window with latencies of 1 to 1,000 ms, and 10 in the warm-up.
        for (int i = 1; i <= 1_000; i++) {
            recorder.sent();
            recorder.acknowledged(2_000 * MS, 2_000 * MS + i * MS);
        }
        for (int i = 0; i < 10; i++) {
            recorder.sent();
            recorder.acknowledged(0, 500 * MS);
        }
        recorder.sent();
        recorder.failed("HTTP 503: busy");
        recorder.sent();

        LoadReport report = recorder.report();

        assertThat(report.acknowledged()).isEqualTo(1_010);
        assertThat(report.measured()).isEqualTo(1_000);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.unanswered()).isEqualTo(1);
        assertThat(report.firstFailure()).isEqualTo("HTTP 503: busy");
        assertThat(report.eventsPerSec()).isEqualTo(100.0);
        // HdrHistogram at three significant digits: within 0.1 % of the exact percentile.
        assertThat(report.latency().p50Micros()).isBetween(500_000L, 500_500L);
        assertThat(report.latency().p99Micros()).isBetween(990_000L, 991_000L);
        assertThat(report.latency().maxMicros()).isBetween(1_000_000L, 1_001_000L);
        assertThat(report.latency().meanMicros()).isBetween(500_000.0, 501_000.0);
    }

    @Test
    void theResultLineSurvivesTheTripToTheRunner() {
        LoadReport report = new LoadReport(7_227, 2, 1, 7_163, 15.0,
                new LatencySummary(7_163, 79_871, 320_255, 1_284_095, 4_048_895, 4_878_335, 165_498.8), "HTTP 503");

        assertThat(report.toLine()).startsWith(LoadReport.PREFIX + "{");
        assertThat(LoadReport.parse(report.toLine())).isEqualTo(report);
    }

    @Test
    void argumentsArePairs() {
        ChildArgs args = ChildArgs.parse(new String[] {"--port", "8080", "--warmup-ms", "5000"});

        assertThat(args.integer("port")).isEqualTo(8080);
        assertThat(args.millis("warmup-ms")).isEqualTo(Duration.ofSeconds(5));
    }
}
