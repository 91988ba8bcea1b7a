package dev.tributary.dispatcher;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How often and how soon a failed invocation is tried again: up to {@code maxAttempts} attempts in all, waiting
 * {@code initialBackoff}, then {@code multiplier} times longer after each failure, never more than
 * {@code maxBackoff}, each wait shortened by a random fraction of up to {@code jitter} so that keys that failed
 * together do not retry together.
 *
 * @param maxAttempts    attempts in all, the first included; 1 means no retry
 * @param initialBackoff the wait after the first failure
 * @param maxBackoff     the longest wait
 * @param multiplier     how much longer each wait is than the one before, at least 1
 * @param jitter         the largest fraction, 0 to 1, taken off a wait at random
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter) {

    /** 5 attempts, waiting 200 ms, 400 ms, 800 ms, 1.6 s between them, less up to 20 % jitter. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(30), 2.0, 0.2);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initialBackoff <= maxBackoff");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, not " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
        }
    }

    /** Whether an invocation that has failed {@code failedAttempts} times may be tried again. */
    public boolean allowsAnotherAttempt(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failures, and at least what the function
     * asked for ({@code Retry-After}).
     *
     * @param random a source of numbers in [0, 1), injected so that tests are exact
     */
    public Duration backoff(int failedAttempts, Optional<Duration> retryAfter, DoubleSupplier random) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        millis = Math.min(millis, maxBackoff.toMillis());
        millis -= millis * jitter * random.getAsDouble();
        Duration backoff = Duration.ofMillis(Math.round(millis));
        return retryAfter.filter(wanted -> wanted.compareTo(backoff) > 0).orElse(backoff);
    }
}
