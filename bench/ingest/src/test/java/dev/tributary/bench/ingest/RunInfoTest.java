package dev.tributary.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunInfoTest {

    @Test
    void aLoadAboveTheCoresBeforeTheRunMakesItProvisional() {
        assertThat(RunInfo.provisional(2.5, 1.0, 2)).isTrue();
        assertThat(RunInfo.provisional(1.9, 3.9, 2)).isFalse();
    }

    @Test
    void theRunsOwnLoadAtTheEndIsAllowedForUpToTheCoresAgain() {
        assertThat(RunInfo.provisional(0.5, 4.0, 2)).isFalse();
        assertThat(RunInfo.provisional(0.5, 4.1, 2)).isTrue();
    }
}
