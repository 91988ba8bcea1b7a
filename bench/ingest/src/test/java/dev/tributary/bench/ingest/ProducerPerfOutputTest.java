package dev.tributary.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerPerfOutputTest {

    private static final String WHOLE = "167768 records sent, 28068.930902 records/sec (27.41 MB/sec), 623.76 ms avg "
            + "latency, 1537.00 ms max latency, 632 ms 50th, 887 ms 95th, 946 ms 99th, 1000 ms 99.9th.";
    private static final String STEADY = "100661 steady state records sent, 37913.747646 records/sec (37.03 MB/sec), "
            + "613.04 ms avg latency, 1023.00 ms max latency, 543 ms 50th, 900 ms 95th, 953 ms 99th, 1005 ms 99.9th.";
    private static final String WINDOW = "249841 records sent, 49968.2 records/sec (48.80 MB/sec), 53.2 ms avg "
            + "latency, 171.0 ms max latency.";

    @Test
    void readsTheWholeRunAndTheSteadyStateSummaries() {
        ProducerPerfOutput.Summaries summaries = ProducerPerfOutput.summaries(List.of(
                "16:53:43.028 [main] INFO producer closed", WINDOW, WHOLE, STEADY));

        assertThat(summaries.whole()).hasValueSatisfying(whole -> {
            assertThat(whole.records()).isEqualTo(167_768);
            assertThat(whole.steadyState()).isFalse();
        });
        assertThat(summaries.steadyState()).hasValueSatisfying(steady -> {
            assertThat(steady.records()).isEqualTo(100_661);
            assertThat(steady.recordsPerSec()).isCloseTo(37_913.747646, within(1e-6));
            assertThat(steady.latency()).isEqualTo(new Latency(613.04, 543, 953, 1005, 1023));
        });
    }

    @Test
    void aWindowLineIsNoSummaryAndASummaryIsNoWindow() {
        assertThat(ProducerPerfOutput.summary(WINDOW)).isEmpty();
        assertThat(ProducerPerfOutput.windowRate(WINDOW)).hasValue(49_968.2);
        assertThat(ProducerPerfOutput.windowRate(WHOLE)).isEmpty();
        assertThat(ProducerPerfOutput.windowRate("acks = -1")).isEmpty();
    }

    @Test
    void calibrationTakesTheMedianAfterTheFirstInterval() {
        assertThat(ProducerPerfOutput.calibratedRate(List.of(1_000.0, 50_000.0, 40_000.0, 60_000.0)))
                .hasValue(50_000.0);
        assertThat(ProducerPerfOutput.calibratedRate(List.of(1_000.0, 40_000.0, 60_000.0))).hasValue(50_000.0);
        assertThat(ProducerPerfOutput.calibratedRate(List.of(7_000.0))).hasValue(7_000.0);
        assertThat(ProducerPerfOutput.calibratedRate(List.of())).isEmpty();
    }
}
