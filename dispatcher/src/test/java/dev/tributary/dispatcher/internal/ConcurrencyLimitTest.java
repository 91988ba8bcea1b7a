package dev.tributary.dispatcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    @Test
    void startsAtTheCap() {
        assertThat(new ConcurrencyLimit(1, 64).current()).isEqualTo(64);
    }

    @Test
    void aFloorEqualToTheCapIsAFixedConcurrency() {
        ConcurrencyLimit limit = new ConcurrencyLimit(8, 8);
        for (int i = 0; i < 100; i++) {
            limit.overloaded(1_000);
        }
        assertThat(limit.current()).isEqualTo(8);
    }

    @Test
    void anOverloadedWindowShrinksTheLimitByAQuarterOnceHoweverManyAttemptsWereOverloaded() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 100);
        window(limit, 10, 89);
        overloads(limit, 11);
        assertThat(limit.current()).isEqualTo(75);

        for (int i = 0; i < 74; i++) {
            limit.overloaded(10);
        }
        assertThat(limit.current()).as("the limit moves only when its window of 75 closes").isEqualTo(75);
        limit.overloaded(10);
        assertThat(limit.current()).isEqualTo(56);
    }

    @Test
    void aTenthOfTheWindowOverloadedOrLessIsTheOddRejectionNotOverload() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 100);
        window(limit, 10, 90);
        overloads(limit, 10);
        assertThat(limit.current()).isEqualTo(100);
    }

    @Test
    void theLimitNeverFallsBelowTheFloor() {
        ConcurrencyLimit limit = new ConcurrencyLimit(5, 100);
        for (int i = 0; i < 10_000; i++) {
            limit.overloaded(10);
        }
        assertThat(limit.current()).isEqualTo(5);
    }

    @Test
    void theLimitGrowsByOnePerWindowOnlyWhileItHoldsWorkBack() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 100);
        overloads(limit, 100);
        assertThat(limit.current()).isEqualTo(75);

        window(limit, 10, 75);
        assertThat(limit.current()).as("no backlog: a larger limit would serve nothing").isEqualTo(75);

        limit.heldBack();
        window(limit, 10, 75);
        assertThat(limit.current()).isEqualTo(76);
        limit.heldBack();
        window(limit, 10, 76);
        assertThat(limit.current()).isEqualTo(77);
    }

    @Test
    void theLimitNeverGrowsPastTheCap() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 10);
        for (int i = 0; i < 20; i++) {
            limit.heldBack();
            window(limit, 10, limit.current());
        }
        assertThat(limit.current()).isEqualTo(10);
    }

    @Test
    void latencyRisingPastTwiceTheBaselineShrinksTheLimitByATenth() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 100);
        window(limit, 20, 100);
        window(limit, 45, 100);
        assertThat(limit.current()).isEqualTo(90);
    }

    @Test
    void aRiseWithinTheToleranceLeavesTheLimitAlone() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 100);
        window(limit, 20, 100);
        window(limit, 39, 100);
        assertThat(limit.current()).isEqualTo(100);
    }

    @Test
    void aFastFunctionsJitterOfAFewMillisecondsIsNotARise() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 100);
        window(limit, 0, 100);
        window(limit, 4, 100);
        window(limit, 1, 100);
        window(limit, 5, 100);
        assertThat(limit.current()).isEqualTo(100);
    }

    @Test
    void whenTheFunctionsLatencyChangesForGoodTheBaselineCatchesUpAndTheLimitGrowsBack() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 100);
        window(limit, 20, 100);
        int lowest = limit.current();
        for (int i = 0; i < 60; i++) {
            limit.heldBack();
            window(limit, 60, limit.current());
            lowest = Math.min(lowest, limit.current());
        }
        assertThat(lowest).as("it backed off while the rise was new").isLessThan(100).isGreaterThan(40);
        assertThat(limit.current()).as("then grew back once 60 ms was the new normal").isGreaterThan(lowest);
    }

    @Test
    void anOverloadedWindowDoesNotMoveTheBaseline() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 100);
        window(limit, 20, 100);
        for (int i = 0; i < 100; i++) {
            limit.overloaded(30_000);
        }
        int afterOverload = limit.current();
        window(limit, 45, afterOverload);
        assertThat(limit.current()).as("45 ms is still a rise over the 20 ms baseline")
                .isEqualTo((int) (afterOverload * ConcurrencyLimit.LATENCY_BACKOFF));
    }

    @Test
    void aFloorOutsideOneToTheCapIsRefused() {
        assertThatThrownBy(() -> new ConcurrencyLimit(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConcurrencyLimit(11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and the cap 10");
    }

    private static void overloads(ConcurrencyLimit limit, int attempts) {
        for (int i = 0; i < attempts; i++) {
            limit.overloaded(10);
        }
    }

    /** Completes {@code attempts} attempts that each took {@code latencyMillis}. */
    private static void window(ConcurrencyLimit limit, long latencyMillis, int attempts) {
        for (int i = 0; i < attempts; i++) {
            limit.completed(latencyMillis);
        }
    }
}
