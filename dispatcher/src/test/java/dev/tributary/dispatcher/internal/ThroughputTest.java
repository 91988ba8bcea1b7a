package dev.tributary.dispatcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    private final Throughput throughput = new Throughput();

    @Test
    void theFirstFullSecondSetsTheRateAndLaterOnesMoveItPartWay() {
        assertThat(throughput.perSecond(0)).isZero();
        throughput.record(100);
        assertThat(throughput.perSecond(500)).as("half a second is not a sample yet").isZero();
        assertThat(throughput.perSecond(1_000)).isEqualTo(100.0);

        throughput.record(200);
        assertThat(throughput.perSecond(2_000)).isCloseTo(130.0, within(1e-9));
    }

    @Test
    void aSecondWithNothingDonePullsTheRateDown() {
        throughput.perSecond(0);
        throughput.record(50);
        throughput.perSecond(1_000);

        assertThat(throughput.perSecond(2_000)).isCloseTo(35.0, within(1e-9));
    }
}
