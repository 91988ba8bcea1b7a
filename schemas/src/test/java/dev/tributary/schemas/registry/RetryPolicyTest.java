package dev.tributary.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(IntStream.rangeClosed(1, 6).mapToObj(policy::backoff).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    @Test
    void backoffStaysAtTheCapForRetryCountsThatWouldOverflow() {
        RetryPolicy policy = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(100), Duration.ofMinutes(1));

        assertThat(policy.backoff(64)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void settingsOutsideTheirRangeAreRejectedWithTheValues() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxRetries must be 0 or more, not -1");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("2000 ms and 1000 ms");
    }

    @Test
    void noneMakesASingleAttempt() {
        assertThat(RetryPolicy.none().maxRetries()).isZero();
    }
}
