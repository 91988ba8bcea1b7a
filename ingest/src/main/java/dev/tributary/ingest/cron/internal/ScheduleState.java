package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.cron.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Where one schedule stands while this replica leads: its horizon, its next fire time and its write failures. */
final class ScheduleState {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final CronSchedule schedule;
    private final FireTimes fireTimes;
    private Instant horizon;
    private Optional<Instant> nextFire = Optional.empty();
    private Instant retryAt = Instant.MIN;
    private int failures;

    ScheduleState(CronSchedule schedule) {
        this.schedule = schedule;
        this.fireTimes = new FireTimes(CronExpressions.parse("expression", schedule.expression()), schedule.zone());
    }

    CronSchedule schedule() {
        return schedule;
    }

    FireTimes fireTimes() {
        return fireTimes;
    }

    /** The last fire time handled; empty until leadership starts. */
    Optional<Instant> horizon() {
        return Optional.ofNullable(horizon);
    }

    /** When this schedule next wants attention: its next fire time, or later while a failed write waits to retry. */
    Optional<Instant> wakeUp() {
        return nextFire.map(next -> next.isBefore(retryAt) ? retryAt : next);
    }

    boolean isDue(Instant now) {
        return wakeUp().filter(time -> !time.isAfter(now)).isPresent();
    }

    /** Starts over from {@code horizon}, forgetting failures: a new leadership term. */
    void startFrom(Instant horizon) {
        this.horizon = horizon;
        this.nextFire = fireTimes.nextAfter(horizon);
        this.retryAt = Instant.MIN;
        this.failures = 0;
    }

    /** The plan's checkpoint is written: move on to the fire time after it. */
    void advanceTo(Instant newHorizon) {
        startFrom(newHorizon);
    }

    /** A write failed: try again after a pause that doubles with each failure in a row, up to half a minute. */
    void failed(Instant now) {
        failures++;
        Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 5));
        retryAt = now.plus(pause.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause);
    }

    /** Forgets the horizon: leadership ended and another replica may move it. */
    void suspend() {
        horizon = null;
        nextFire = Optional.empty();
        retryAt = Instant.MIN;
        failures = 0;
    }
}
