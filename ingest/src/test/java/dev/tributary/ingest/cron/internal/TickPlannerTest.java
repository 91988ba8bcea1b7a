package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.cron.MisfirePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each misfire policy on the same backlogs. An hourly schedule last handled at 10:00 with a grace of one minute;
 * at 13:00:30 the fire times 11:00 and 12:00 are missed and 13:00 is on time.
 */
class TickPlannerTest {

    private static final FireTimes HOURLY = FireTimesTest.fireTimes("0 * * * *", ZoneOffset.UTC);
    private static final Instant HORIZON = Instant.parse("2026-05-01T10:00:00Z");
    private static final TickPlanner PLANNER = new TickPlanner(Duration.ofMinutes(1), 100);

    private static Optional<TickPlan> plan(MisfirePolicy policy, String now) {
        return PLANNER.plan("hourly", policy, HOURLY, HORIZON, Instant.parse(now));
    }

    private static List<Instant> times(String... isoInstants) {
        return Arrays.stream(isoInstants).map(Instant::parse).toList();
    }

    @Test
    void nothingIsPlannedBeforeTheNextFireTime() {
        for (MisfirePolicy policy : MisfirePolicy.values()) {
            assertThat(plan(policy, "2026-05-01T10:59:59.999Z")).as("%s", policy).isEmpty();
        }
    }

    @Test
    void aPunctualTickFiresWhateverThePolicy() {
        for (MisfirePolicy policy : MisfirePolicy.values()) {
            TickPlan plan = plan(policy, "2026-05-01T11:00:00.020Z").orElseThrow();
            assertThat(plan.fire()).as("%s", policy).containsExactlyElementsOf(times("2026-05-01T11:00:00Z"));
            assertThat(plan.skipped()).isZero();
            assertThat(plan.horizon()).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
        }
    }

    @Test
    void aTickLateWithinTheGraceIsOnTimeEvenForSkip() {
        TickPlan plan = plan(MisfirePolicy.SKIP, "2026-05-01T11:01:00Z").orElseThrow();

        assertThat(plan.fire()).containsExactlyElementsOf(times("2026-05-01T11:00:00Z"));
    }

    @Nested
    class FireOnce {

        @Test
        void firesTheMostRecentMissedTimeOnceThenTheOnTimeOne() {
            TickPlan plan = plan(MisfirePolicy.FIRE_ONCE, "2026-05-01T13:00:30Z").orElseThrow();

            assertThat(plan.fire()).containsExactlyElementsOf(times("2026-05-01T12:00:00Z", "2026-05-01T13:00:00Z"));
            assertThat(plan.skipped()).isEqualTo(1);
            assertThat(plan.horizon()).isEqualTo(Instant.parse("2026-05-01T13:00:00Z"));
        }

        @Test
        void afterDowntimeWithNothingOnTimeFiresOneCatchUpTick() {
            TickPlan plan = plan(MisfirePolicy.FIRE_ONCE, "2026-05-01T15:30:00Z").orElseThrow();

            assertThat(plan.fire()).containsExactlyElementsOf(times("2026-05-01T15:00:00Z"));
            assertThat(plan.skipped()).isEqualTo(4);
            assertThat(plan.horizon()).isEqualTo(Instant.parse("2026-05-01T15:00:00Z"));
        }
    }

    @Nested
    class Skip {

        @Test
        void firesOnlyTheOnTimeTick() {
            TickPlan plan = plan(MisfirePolicy.SKIP, "2026-05-01T13:00:30Z").orElseThrow();

            assertThat(plan.fire()).containsExactlyElementsOf(times("2026-05-01T13:00:00Z"));
            assertThat(plan.skipped()).isEqualTo(2);
        }

        @Test
        void afterDowntimeFiresNothingButMovesTheHorizon() {
            TickPlan plan = plan(MisfirePolicy.SKIP, "2026-05-01T15:30:00Z").orElseThrow();

            assertThat(plan.fire()).isEmpty();
            assertThat(plan.skipped()).isEqualTo(5);
            assertThat(plan.horizon()).isEqualTo(Instant.parse("2026-05-01T15:00:00Z"));
        }
    }

    @Nested
    class FireAll {

        @Test
        void firesEveryMissedTimeOldestFirst() {
            TickPlan plan = plan(MisfirePolicy.FIRE_ALL, "2026-05-01T13:00:30Z").orElseThrow();

            assertThat(plan.fire()).containsExactlyElementsOf(
                    times("2026-05-01T11:00:00Z", "2026-05-01T12:00:00Z", "2026-05-01T13:00:00Z"));
            assertThat(plan.skipped()).isZero();
        }

        @Test
        void pastTheCatchUpLimitFiresTheMostRecentAndSkipsTheOlder() {
            TickPlanner limitedToThree = new TickPlanner(Duration.ofMinutes(1), 3);

            TickPlan plan = limitedToThree.plan("hourly", MisfirePolicy.FIRE_ALL, HOURLY, HORIZON,
                    Instant.parse("2026-05-01T17:10:00Z")).orElseThrow();

            assertThat(plan.fire()).containsExactlyElementsOf(
                    times("2026-05-01T15:00:00Z", "2026-05-01T16:00:00Z", "2026-05-01T17:00:00Z"));
            assertThat(plan.skipped()).isEqualTo(4);
            assertThat(plan.skippedIsAtLeast()).isFalse();
            assertThat(plan.horizon()).isEqualTo(Instant.parse("2026-05-01T17:00:00Z"));
        }
    }
}
