package dev.tributary.ingest.cron;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a schedule does with fire times that were missed: no leader was running at the time (every replica down,
 * or a leader change that took longer than {@link CronSettings#misfireGrace()}), or the leader was stalled.
 *
 * <p>A fire time is <em>missed</em> when it is found due more than the grace after it; a due fire time within the
 * grace is <em>on time</em> and always fires, whatever the policy, so a leader change or a slow machine costs no
 * tick. The policy decides only the missed ones. However many are due, at most {@link CronSettings#catchUpLimit()}
 * ticks fire at once; past that bound the oldest are skipped and counted as misfires.
 *
 * <p>Ticks of a catch-up carry their own scheduled time (in the event id and {@code time}) and the time they
 * actually fired, so a function can tell a late tick from a punctual one.
 */
public enum MisfirePolicy {

    /** After downtime, one catch-up tick for the most recent missed fire time; the earlier missed ones are skipped. */
    FIRE_ONCE("fire-once"),

    /** Missed fire times are skipped: the schedule carries on with its next fire time. */
    SKIP("skip"),

    /**
     * Every missed fire time fires, oldest first, each with its own scheduled time, up to the catch-up limit;
     * beyond the limit only the most recent ones fire and the older ones are skipped.
     */
    FIRE_ALL("fire-all");

    private final String configName;

    MisfirePolicy(String configName) {
        this.configName = configName;
    }

    /** The name in configuration files: {@code fire-once}, {@code skip} or {@code fire-all}. */
    public String configName() {
        return configName;
    }

    /** The policy named {@code name} in a configuration file, ignoring case. */
    public static Optional<MisfirePolicy> fromConfigName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(policy -> policy.configName.equals(wanted)).findFirst();
    }

    /** {@code fire-once, skip, fire-all}, for error messages. */
    public static String configNames() {
        return Arrays.stream(values()).map(MisfirePolicy::configName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configName;
    }
}
