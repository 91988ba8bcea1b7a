package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Due fire times between a horizon and now: listed up to a bound, counted beyond it, bounded in work. */
class BacklogTest {

    private static final FireTimes HOURLY = FireTimesTest.fireTimes("0 * * * *", ZoneOffset.UTC);
    private static final FireTimes EVERY_SECOND = FireTimesTest.fireTimes("* * * * * ?", ZoneOffset.UTC);

    @Test
    void nothingIsDueBeforeTheNextFireTime() {
        Backlog backlog = Backlog.of(HOURLY, Instant.parse("2026-05-01T10:00:00Z"), Instant.parse("2026-05-01T10:59:59Z"), 10);

        assertThat(backlog.isEmpty()).isTrue();
        assertThat(backlog.earlier()).isZero();
    }

    @Test
    void aFireTimeIsDueAtItsInstantAndTheHorizonItselfIsNot() {
        Backlog backlog = Backlog.of(HOURLY, Instant.parse("2026-05-01T10:00:00Z"), Instant.parse("2026-05-01T11:00:00Z"), 10);

        assertThat(backlog.latest()).containsExactly(Instant.parse("2026-05-01T11:00:00Z"));
    }

    @Test
    void theMostRecentAreListedOldestFirstAndTheRestCounted() {
        Backlog backlog = Backlog.of(HOURLY, Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-01T10:30:00Z"), 3);

        assertThat(backlog.latest()).containsExactly(Instant.parse("2026-05-01T08:00:00Z"),
                Instant.parse("2026-05-01T09:00:00Z"), Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(backlog.earlier()).isEqualTo(7);
        assertThat(backlog.earlierIsAtLeast()).isFalse();
    }

    @Test
    void aYearOfASecondlyScheduleFindsTheMostRecentWithoutWalkingThemAll() {
        Instant now = Instant.parse("2026-05-01T10:00:00.250Z");

        Backlog backlog = Backlog.of(EVERY_SECOND, Instant.parse("2025-05-01T10:00:00Z"), now, 100);

        assertThat(backlog.latest()).containsExactlyElementsOf(IntStream.rangeClosed(0, 99)
                .mapToObj(i -> Instant.parse("2026-05-01T09:58:21Z").plusSeconds(i)).toList());
        assertThat(backlog.earlierIsAtLeast()).isTrue();
        assertThat(backlog.earlier()).isGreaterThanOrEqualTo(Backlog.SCAN_LIMIT).isLessThan(365L * 24 * 3600);
    }

    @Test
    void justPastTheScanLimitTheTwoWalksTogetherStayExact() {
        Instant horizon = Instant.parse("2026-05-01T07:00:00Z");
        Instant now = horizon.plusSeconds(Backlog.SCAN_LIMIT + 5);

        Backlog backlog = Backlog.of(EVERY_SECOND, horizon, now, 10);

        assertThat(backlog.latest()).containsExactlyElementsOf(
                IntStream.rangeClosed(0, 9).mapToObj(i -> now.minusSeconds(9 - i)).toList());
        assertThat(backlog.earlier()).isEqualTo(Backlog.SCAN_LIMIT + 5 - 10);
        assertThat(backlog.earlierIsAtLeast()).isFalse();
    }

    @Test
    void farBehindWithMoreDueThanAWalkCoversTheCountIsALowerBound() {
        Instant horizon = Instant.parse("2026-05-01T07:00:00Z");
        Instant now = horizon.plusSeconds(3L * Backlog.SCAN_LIMIT);

        Backlog backlog = Backlog.of(EVERY_SECOND, horizon, now, 10);

        assertThat(backlog.latest()).hasSize(10).last().isEqualTo(now);
        assertThat(backlog.latest().getFirst()).isEqualTo(now.minusSeconds(9));
        assertThat(backlog.earlierIsAtLeast()).isTrue();
        assertThat(backlog.earlier()).isBetween((long) Backlog.SCAN_LIMIT, 3L * Backlog.SCAN_LIMIT - 10);
    }
}
