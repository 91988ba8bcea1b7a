package dev.tributary.ingest.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.storage.SettableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private final SettableClock clock = SettableClock.at("2025-03-01T12:00:00Z");

    @Test
    void aRememberedIdentityIsSeenUntilTheWindowHasPassed() {
        Deduplicator deduplicator = new Deduplicator(Duration.ofMinutes(5), 100, clock);
        deduplicator.remember(List.of("a"));

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(deduplicator.seen("a")).isTrue();
        assertThat(deduplicator.seen("b")).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(deduplicator.seen("a")).isFalse();
        assertThat(deduplicator.size()).isZero();
    }

    @Test
    void pastTheLimitTheOldestAreForgottenFirst() {
        Deduplicator deduplicator = new Deduplicator(Duration.ofMinutes(5), 2, clock);
        deduplicator.remember(List.of("a"));
        clock.advance(Duration.ofSeconds(1));
        deduplicator.remember(List.of("b"));
        clock.advance(Duration.ofSeconds(1));
        deduplicator.remember(List.of("a"));
        deduplicator.remember(List.of("c"));

        assertThat(deduplicator.seen("b")).as("b is now the oldest").isFalse();
        assertThat(deduplicator.seen("a")).as("remembering again makes it young").isTrue();
        assertThat(deduplicator.seen("c")).isTrue();
    }

    @Test
    void aZeroWindowRemembersNothing() {
        Deduplicator deduplicator = new Deduplicator(Duration.ZERO, 100, clock);
        deduplicator.remember(List.of("a"));

        assertThat(deduplicator.seen("a")).isFalse();
    }
}
