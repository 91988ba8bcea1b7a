package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.cron.CronSettings;
import dev.tributary.ingest.cron.MisfirePolicy;
import dev.tributary.ingest.cron.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduling loop without Kafka and without sleeping: a clock the test moves to each wake-up the scheduler asks
 * for, as the live loop's poll would wait for it.
 */
class CronSchedulerTest {

    private static final CronSchedule EVERY_MINUTE = CronSchedule.of("every-minute", "* * * * *", "ticks");

    private final MutableClock clock = MutableClock.at("2026-05-01T10:00:30Z");

    @Test
    void aScheduleNeverSeenBeforeStartsFromNowWithoutReplayingHistory() {
        CronScheduler scheduler = new CronScheduler(CronSettings.of(EVERY_MINUTE));

        Map<String, Instant> started = scheduler.resume(Map.of(), clock.instant());

        assertThat(started).containsExactly(Map.entry("every-minute", clock.instant()));
        assertThat(scheduler.due(clock.instant())).isEmpty();
        assertThat(scheduler.nextWakeUp()).contains(Instant.parse("2026-05-01T10:01:00Z"));
    }

    @Test
    void aScheduleResumesFromItsCheckpoint() {
        CronScheduler scheduler = new CronScheduler(CronSettings.of(EVERY_MINUTE.withMisfirePolicy(MisfirePolicy.FIRE_ALL)));

        Map<String, Instant> started = scheduler.resume(
                Map.of("every-minute", Instant.parse("2026-05-01T09:58:00Z")), clock.instant());

        assertThat(started).isEmpty();
        assertThat(scheduler.nextWakeUp()).contains(Instant.parse("2026-05-01T09:59:00Z"));
        assertThat(scheduler.due(clock.instant())).singleElement().satisfies(plan -> assertThat(plan.fire())
                .containsExactly(Instant.parse("2026-05-01T09:59:00Z"), Instant.parse("2026-05-01T10:00:00Z")));
    }

    @Test
    void eachFireTimeIsPlannedOnceAsTheClockAdvances() {
        CronScheduler scheduler = new CronScheduler(CronSettings.of(EVERY_MINUTE));
        scheduler.resume(Map.of(), clock.instant());

        List<Instant> fired = run(scheduler, Instant.parse("2026-05-01T10:05:00Z"));

        assertThat(fired).containsExactly(Instant.parse("2026-05-01T10:01:00Z"), Instant.parse("2026-05-01T10:02:00Z"),
                Instant.parse("2026-05-01T10:03:00Z"), Instant.parse("2026-05-01T10:04:00Z"),
                Instant.parse("2026-05-01T10:05:00Z"));
        assertThat(scheduler.horizon("every-minute")).contains(Instant.parse("2026-05-01T10:05:00Z"));
        assertThat(scheduler.due(clock.instant())).isEmpty();
    }

    @Test
    void aFailedWriteIsRetriedAfterAPauseThatGrows() {
        CronScheduler scheduler = new CronScheduler(CronSettings.of(EVERY_MINUTE));
        scheduler.resume(Map.of(), clock.instant());
        clock.set("2026-05-01T10:01:00Z");
        TickPlan plan = scheduler.due(clock.instant()).getFirst();

        scheduler.failed(plan, clock.instant());

        assertThat(scheduler.due(clock.instant())).isEmpty();
        assertThat(scheduler.nextWakeUp()).contains(Instant.parse("2026-05-01T10:01:01Z"));
        clock.set("2026-05-01T10:01:01Z");
        scheduler.failed(scheduler.due(clock.instant()).getFirst(), clock.instant());
        assertThat(scheduler.nextWakeUp()).contains(Instant.parse("2026-05-01T10:01:03Z"));
        clock.set("2026-05-01T10:01:03Z");
        TickPlan retried = scheduler.due(clock.instant()).getFirst();
        assertThat(retried.fire()).containsExactly(Instant.parse("2026-05-01T10:01:00Z"));
        scheduler.handled(retried);
        assertThat(scheduler.nextWakeUp()).contains(Instant.parse("2026-05-01T10:02:00Z"));
    }

    @Test
    void nothingIsDueWhileSuspended() {
        CronScheduler scheduler = new CronScheduler(CronSettings.of(EVERY_MINUTE));
        scheduler.resume(Map.of(), clock.instant());

        scheduler.suspend();

        assertThat(scheduler.due(Instant.parse("2026-05-01T11:00:00Z"))).isEmpty();
        assertThat(scheduler.nextWakeUp()).isEmpty();
        assertThat(scheduler.horizon("every-minute")).isEmpty();
    }

    @Test
    void aLeaderThatWakesLateFiresWhatTheMisfirePolicySays() {
        CronScheduler scheduler = new CronScheduler(new CronSettings(List.of(
                CronSchedule.of("once", "* * * * *", "t"),
                CronSchedule.of("skip", "* * * * *", "t").withMisfirePolicy(MisfirePolicy.SKIP),
                CronSchedule.of("all", "* * * * *", "t").withMisfirePolicy(MisfirePolicy.FIRE_ALL)),
                "tributary.cron", "tributary.cron", Duration.ofSeconds(10), 100));
        scheduler.resume(Map.of(), clock.instant());

        List<TickPlan> plans = scheduler.due(Instant.parse("2026-05-01T10:03:30Z"));

        assertThat(plans).extracting(TickPlan::schedule).containsExactly("once", "skip", "all");
        assertThat(plans.get(0).fire()).containsExactly(Instant.parse("2026-05-01T10:03:00Z"));
        assertThat(plans.get(1).fire()).isEmpty();
        assertThat(plans.get(2).fire()).containsExactly(Instant.parse("2026-05-01T10:01:00Z"),
                Instant.parse("2026-05-01T10:02:00Z"), Instant.parse("2026-05-01T10:03:00Z"));
        assertThat(plans).extracting(TickPlan::skipped).containsExactly(2L, 3L, 0L);
    }

    @Test
    void aWallClockDayHasAsManyTicksAsItHasLocalTimesAcrossBothTransitions() {
        CronSchedule quarterHourly = CronSchedule.of("quarter", "*/15 * * * *", "t").inZone(ZoneId.of("Europe/Berlin"));
        // 23 hours on the spring-forward day, 25 on the fall-back day: 96 local quarter hours but for 4 that do not
        // exist, and 96 on the long day, where the repeated hour does not fire again.
        assertThat(ticksOfTheDay(quarterHourly, "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")).hasSize(92);
        assertThat(ticksOfTheDay(quarterHourly, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")).hasSize(96);
        assertThat(ticksOfTheDay(quarterHourly, "2026-06-30T22:00:00Z", "2026-07-01T22:00:00Z")).hasSize(96);
    }

    /** The ticks from local midnight (exclusive) to the next local midnight (inclusive). */
    private List<Instant> ticksOfTheDay(CronSchedule schedule, String midnight, String nextMidnight) {
        CronScheduler scheduler = new CronScheduler(CronSettings.of(schedule));
        clock.set(midnight);
        scheduler.resume(Map.of(), clock.instant());
        List<Instant> fired = run(scheduler, Instant.parse(nextMidnight));
        assertThat(fired).doesNotHaveDuplicates().isSorted();
        return fired;
    }

    /** Moves the clock from wake-up to wake-up until {@code end}, firing and handling every plan as the loop does. */
    private List<Instant> run(CronScheduler scheduler, Instant end) {
        List<Instant> fired = new ArrayList<>();
        while (scheduler.nextWakeUp().filter(wakeUp -> !wakeUp.isAfter(end)).isPresent()) {
            clock.set(scheduler.nextWakeUp().orElseThrow());
            for (TickPlan plan : scheduler.due(clock.instant())) {
                assertThat(plan.skipped()).as("skipped at %s", clock.instant()).isZero();
                fired.addAll(plan.fire());
                scheduler.handled(plan);
            }
        }
        return fired;
    }
}
