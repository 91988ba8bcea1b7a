package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.cron.CronSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which ticks are due at a given instant; it never reads a clock, so the whole scheduling logic is tested by
 * handing it instants. The leader loop asks it what is due now, writes the plans and reports back, and sleeps until
 * {@link #nextWakeUp()}.
 *
 * <pre>
 * suspended ──resume(checkpoint, now)──► leading ──due(now)──► plans ──handled / failed──► leading
 *     ▲                                     │
 *     └───────────────suspend()─────────────┘
 * </pre>
 *
 * Not thread-safe: the leader loop's thread owns it.
 */
public final class CronScheduler {

    private final Map<String, ScheduleState> states = new LinkedHashMap<>();
    private final TickPlanner planner;

    public CronScheduler(CronSettings settings) {
        settings.schedules().forEach(schedule -> states.put(schedule.name(), new ScheduleState(schedule)));
        this.planner = new TickPlanner(settings.misfireGrace(), settings.catchUpLimit());
    }

    /**
     * Starts leading from the checkpoint: each schedule continues from the last fire time handled; a schedule the
     * checkpoint does not know starts from {@code now}, without replaying any history.
     *
     * @return the schedules that start now, with {@code now}: write them to the checkpoint, so that a later leader
     *         also counts fire times missed from here on
     */
    public Map<String, Instant> resume(Map<String, Instant> checkpoint, Instant now) {
        Map<String, Instant> started = new LinkedHashMap<>();
        states.forEach((name, state) -> {
            Instant horizon = checkpoint.get(name);
            if (horizon == null) {
                horizon = now;
                started.put(name, now);
            }
            state.startFrom(horizon);
        });
        return started;
    }

    /** Stops leading: nothing is due until the next {@link #resume}. */
    public void suspend() {
        states.values().forEach(ScheduleState::suspend);
    }

    /** The plans of every schedule with a fire time due at {@code now}, in the order the schedules are declared. */
    public List<TickPlan> due(Instant now) {
        List<TickPlan> plans = new ArrayList<>();
        for (ScheduleState state : states.values()) {
            if (state.isDue(now)) {
                planner.plan(state.schedule().name(), state.schedule().misfirePolicy(), state.fireTimes(),
                        state.horizon().orElseThrow(), now).ifPresent(plans::add);
            }
        }
        return plans;
    }

    /** The plan is written: its schedule moves on. */
    public void handled(TickPlan plan) {
        state(plan.schedule()).advanceTo(plan.horizon());
    }

    /** Writing the plan failed: its schedule retries after a pause, planning again with the time it is then. */
    public void failed(TickPlan plan, Instant now) {
        state(plan.schedule()).failed(now);
    }

    /** The earliest instant a schedule needs attention; empty while suspended or when no schedule fires again. */
    public Optional<Instant> nextWakeUp() {
        return states.values().stream()
                .map(ScheduleState::wakeUp)
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    /** The last fire time handled by {@code schedule}; empty while suspended. */
    public Optional<Instant> horizon(String schedule) {
        return state(schedule).horizon();
    }

    public CronSchedule schedule(String name) {
        return state(name).schedule();
    }

    private ScheduleState state(String name) {
        ScheduleState state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("no schedule is named '" + name + "'");
        }
        return state;
    }
}
