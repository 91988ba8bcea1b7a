package dev.tributary.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    static Measurement measured(String contender, double eventsPerSec, long acknowledged, long onTopic) {
        return new Measurement(contender, eventsPerSec, new Latency(4.2, 3.5, 12.25, 20, 31),
                new Delivery(acknowledged, onTopic, 0, 0), 1144, new CpuCost(80.5, 30, 12.25), 1.5, null);
    }

    @Test
    void theRatioIsTributaryOverTheBaseline() {
        Comparison comparison = new Comparison("http", measured("tributary-http", 12_000, 10, 10),
                measured("producer-perf-1k", 48_000, 10, 10));

        assertThat(comparison.ratio()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void aContenderThatWasNotMeasuredHasNoRatio() {
        Comparison comparison = new Comparison("mqtt", measured("tributary-mqtt", 9_000, 10, 10),
                Measurement.failed("producer-perf-100b", 3.0, "no summary"));

        assertThat(comparison.ratio()).isNaN();
        assertThat(comparison.nothingLost()).isFalse();
        assertThat(Comparison.ratio(5, 0)).isNaN();
    }

    @Test
    void anAcknowledgedEventMissingFromTheTopicIsLost() {
        assertThat(new Delivery(100, 98, 0, 0).lost()).isEqualTo(2);
        assertThat(new Delivery(100, 98, 0, 0).nothingLost()).isFalse();
        // Written but never acknowledged (a request that failed after Kafka took it) is allowed: at least once.
        assertThat(new Delivery(100, 103, 3, 0).lost()).isZero();
        assertThat(new Delivery(100, 103, 3, 0).unacknowledgedOnTopic()).isEqualTo(3);
    }

    @Test
    void littlesLawGivesTheMeanInFlight() {
        assertThat(new Latency(5.0, 4, 9, 12, 15).meanInFlight(12_800)).isCloseTo(64, within(1e-9));
    }

    @Test
    void cpuPerEventIsTheClockDifferenceOverTheEvents() {
        assertThat(CpuCost.perEvent(java.time.Duration.ofMillis(1_000), java.time.Duration.ofMillis(1_500), 10_000))
                .isCloseTo(50.0, within(1e-9));
        assertThat(CpuCost.perEvent(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 0)).isNaN();
    }
}
