package dev.tributary.ingest.mqtt.internal;

import java.time.Duration;

/** Exponential backoff: the initial delay, doubled per attempt, never above the maximum. */
public record Backoff(Duration initial, Duration max) {

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        long delay = initial.toMillis();
        for (int i = 1; i < attempt && delay < max.toMillis(); i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, max.toMillis()));
    }
}
