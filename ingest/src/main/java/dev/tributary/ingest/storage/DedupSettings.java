package dev.tributary.ingest.storage;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.internal.SettingChecks;
import java.time.Duration;

/**
 * How long a webhook remembers the notifications it has put on Kafka, to drop the ones a store delivers again.
 * Stores deliver at least once: a notification whose answer was lost or late comes back, usually within seconds or
 * minutes. A notification is remembered only once Kafka has acknowledged its event, so a delivery that failed is
 * never dropped when it is retried.
 *
 * <p>Memory is in this process only: after a restart, or on another replica behind a load balancer, a redelivery
 * is published again, with the same event id, and consumers that need exactly-once drop it by that id.
 *
 * @param window      how long a notification is remembered after its event was acknowledged;
 *                    {@link #DEFAULT_WINDOW} by default, {@link Duration#ZERO} turns deduplication off
 * @param maxRemembered the most notifications remembered at once, {@value #DEFAULT_MAX_REMEMBERED} by default (about
 *                      200 bytes each); past it the oldest are forgotten first, so a burst shortens the window
 *                      instead of growing memory without bound
 */
public record DedupSettings(Duration window, int maxRemembered) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_REMEMBERED = 100_000;

    public DedupSettings {
        SettingChecks.required("window", window, "a duration, PT0S to turn deduplication off");
        if (window.isNegative()) {
            throw new SettingsException("window", window + " is negative: use zero (off) or more, e.g. PT10M");
        }
        if (maxRemembered < 1) {
            throw new SettingsException("maxRemembered", maxRemembered + " is too small: use at least 1, e.g. "
                    + DEFAULT_MAX_REMEMBERED);
        }
    }

    /** Ten minutes, at most {@value #DEFAULT_MAX_REMEMBERED} notifications. */
    public static DedupSettings defaults() {
        return new DedupSettings(DEFAULT_WINDOW, DEFAULT_MAX_REMEMBERED);
    }

    /** Nothing is remembered: every delivery is published. */
    public static DedupSettings off() {
        return new DedupSettings(Duration.ZERO, DEFAULT_MAX_REMEMBERED);
    }

    public boolean enabled() {
        return !window.isZero();
    }
}
