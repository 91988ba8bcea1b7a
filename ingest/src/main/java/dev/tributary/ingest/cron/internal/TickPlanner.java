package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.cron.MisfirePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a schedule's misfire policy to its due fire times. A due fire time is on time when it is at most the
 * grace before now, and missed when older:
 *
 * <pre>
 *              missed                 on time
 * horizon ──┬─────┬─────┬──── now−grace ──┬───── now
 *           t1    t2    t3                t4
 * fire-once:                  t3          t4
 * skip:                                   t4
 * fire-all:  t1    t2    t3               t4
 * </pre>
 *
 * At most the catch-up limit fire: the most recent ones. Everything due and not fired is skipped, and the
 * checkpoint moves to the latest due fire time either way, so a skipped fire time is never reconsidered.
 */
public final class TickPlanner {

    private final Duration grace;
    private final int limit;

    public TickPlanner(Duration grace, int limit) {
        this.grace = grace;
        this.limit = limit;
    }

    /** The plan for a schedule whose last handled fire time is {@code horizon}; empty when nothing is due. */
    public Optional<TickPlan> plan(String schedule, MisfirePolicy policy, FireTimes times, Instant horizon, Instant now) {
        Backlog backlog = Backlog.of(times, horizon, now, limit);
        if (backlog.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> due = backlog.latest();
        Instant missedBefore = now.minus(grace);
        int missed = (int) due.stream().filter(time -> time.isBefore(missedBefore)).count();
        List<Instant> onTime = due.subList(missed, due.size());
        List<Instant> fire = switch (policy) {
            case FIRE_ALL -> due;
            case SKIP -> onTime;
            case FIRE_ONCE -> missed == 0 ? onTime : withFirst(due.get(missed - 1), onTime);
        };
        long skipped = backlog.earlier() + due.size() - fire.size();
        return Optional.of(new TickPlan(schedule, fire, skipped, backlog.earlierIsAtLeast(), due.getLast()));
    }

    private static List<Instant> withFirst(Instant first, List<Instant> rest) {
        List<Instant> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
