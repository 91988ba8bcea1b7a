package dev.tributary.ingest.cron.internal;

import java.time.Instant;
import java.util.List;

/**
 * What one schedule does now: the ticks to fire and the fire times given up, all in one transaction with the new
 * checkpoint.
 *
 * @param schedule         the schedule's name
 * @param fire             the scheduled times to fire, oldest first; may be empty when the policy skips them all
 * @param skipped          how many due fire times are given up (the misfire policy, or past the catch-up limit)
 * @param skippedIsAtLeast whether {@code skipped} is a lower bound (after a very long downtime)
 * @param horizon          the latest due fire time: the schedule's checkpoint once this plan is written
 */
public record TickPlan(String schedule, List<Instant> fire, long skipped, boolean skippedIsAtLeast, Instant horizon) {

    public TickPlan {
        fire = List.copyOf(fire);
    }
}
