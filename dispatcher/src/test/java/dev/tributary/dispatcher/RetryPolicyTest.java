package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.5);

    @Test
    void backoffGrowsByTheMultiplierUpToTheCap() {
        assertThat(backoffs(() -> 0.0)).containsExactly(100L, 200L, 400L, 800L, 1_000L, 1_000L);
    }

    @Test
    void jitterTakesUpToItsFractionOff() {
        assertThat(backoffs(() -> 0.999_999)).containsExactly(50L, 100L, 200L, 400L, 500L, 500L);
        assertThat(policy.backoff(1, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMillis(75));
    }

    @Test
    void aLongerRetryAfterWinsAndAShorterOneDoesNot() {
        assertThat(policy.backoff(1, Optional.of(Duration.ofSeconds(3)), () -> 0.0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoff(3, Optional.of(Duration.ofMillis(10)), () -> 0.0)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void maxAttemptsCountsTheFirstAttempt() {
        assertThat(policy.allowsAnotherAttempt(4)).isTrue();
        assertThat(policy.allowsAnotherAttempt(5)).isFalse();
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0).allowsAnotherAttempt(1)).isFalse();
    }

    @Test
    void nonsenseIsRejectedWithTheSettingName() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1, 0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0.5, 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 2)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 0))
                .hasMessageContaining("initialBackoff <= maxBackoff");
    }

    private List<Long> backoffs(DoubleSupplier random) {
        List<Long> millis = new ArrayList<>();
        for (int failures = 1; failures <= 6; failures++) {
            millis.add(policy.backoff(failures, Optional.empty(), random).toMillis());
        }
        return millis;
    }
}
