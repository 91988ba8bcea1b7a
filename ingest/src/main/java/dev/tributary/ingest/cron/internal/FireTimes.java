package dev.tributary.ingest.cron.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * The fire times of one cron expression in one time zone, as instants.
 *
 * <p>cron-utils computes the next local time matching the expression. It skips a local time that does not exist
 * (clocks jumping forward), which is the policy here too. Around clocks falling back its answer depends on where
 * the search starts: from the first 02:30 it goes to the next day, from 02:45 it goes to the second 02:30. This
 * class makes the policy independent of that: a fire time in the repeated hour (the later of two offsets) is never
 * returned, so every local time fires at most once, at its first occurrence, wherever the search starts. That
 * matters because a search starts from a checkpoint, which another replica may have written.
 */
public final class FireTimes {

    /** Only a handful are needed even around a transition: more means cron-utils went wrong. */
    private static final int MAX_STEPS = 100;

    private final ExecutionTime executionTime;
    private final ZoneId zone;

    public FireTimes(Cron cron, ZoneId zone) {
        this.executionTime = ExecutionTime.forCron(cron);
        this.zone = zone;
    }

    /** The first fire time strictly after {@code after}; empty when the expression fires no more (a past year). */
    public Optional<Instant> nextAfter(Instant after) {
        // Fire times are whole seconds, so the next one after 10:00:00.4 is the next one after 10:00:00.
        ZonedDateTime from = after.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<ZonedDateTime> next = executionTime.nextExecution(from);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime candidate = next.get();
            if (!candidate.toInstant().isAfter(from.toInstant())) {
                from = from.plusSeconds(1);
                continue;
            }
            Optional<Instant> endOfRepeat = repeatedHourEnd(candidate);
            if (endOfRepeat.isPresent()) {
                from = endOfRepeat.get().minusSeconds(1).atZone(zone);
                continue;
            }
            return Optional.of(candidate.toInstant());
        }
        throw new IllegalStateException("no fire time found after " + after + " in " + zone + " within "
                + MAX_STEPS + " steps; the cron library gave inconsistent answers");
    }

    /**
     * When the repeated wall-clock time that {@code time} falls in ends, if {@code time} is the second occurrence of a
     * local time after clocks fell back.
     */
    private Optional<Instant> repeatedHourEnd(ZonedDateTime time) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(time.toLocalDateTime());
        if (transition == null || !transition.isOverlap() || !time.getOffset().equals(transition.getOffsetAfter())) {
            return Optional.empty();
        }
        Duration repeated = transition.getDuration().abs();
        return Optional.of(transition.getInstant().plus(repeated));
    }
}
