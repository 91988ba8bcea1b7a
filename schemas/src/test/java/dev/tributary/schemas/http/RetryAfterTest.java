package dev.tributary.schemas.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    /** Sun, 06 Nov 1994 08:49:37 GMT, the example date of RFC 9110. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("2", CLOCK)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 120 ", CLOCK)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("0", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateAsTheTimeFromTheClocksNow() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:50:07 GMT", CLOCK)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 07 Nov 1994 08:49:37 GMT", CLOCK)).contains(Duration.ofDays(1));
    }

    @Test
    void anHttpDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void ignoresValuesThatAreNeitherSecondsNorAnHttpDate() {
        assertThat(RetryAfter.parse("-1", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("1.5", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("1994-11-06T08:50:07Z", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", CLOCK)).as("more seconds than a long holds").isEmpty();
    }
}
