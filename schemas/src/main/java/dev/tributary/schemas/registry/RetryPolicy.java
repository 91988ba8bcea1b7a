package dev.tributary.schemas.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently the client repeats a request that got no answer or a 5xx answer. Client
 * errors (4xx) are never repeated: the same request would get the same refusal.
 *
 * <p>The wait before retry {@code n} (from 1) is {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff};
 * a request is sent at most {@code maxRetries + 1} times. Every request this client sends is idempotent
 * (registering a schema twice yields the same id), so repeating one after a lost answer is safe.
 *
 * @param maxRetries     retries after the first attempt; 0 disables retrying
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff     the longest wait before any retry
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initialBackoff <= maxBackoff, not "
                    + initialBackoff.toMillis() + " ms and " + maxBackoff.toMillis() + " ms");
        }
    }

    /** Three retries after 100 ms, 200 ms and 400 ms. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_RETRIES, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /** A single attempt. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before retry {@code retry}, counted from 1. */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are counted from 1, not " + retry);
        }
        // Doubling 62 times overflows a long of nanoseconds; by then the cap has long applied.
        int doublings = Math.min(retry - 1, 62);
        long nanos = initialBackoff.toNanos();
        long grown = nanos > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : nanos << doublings;
        return grown >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos(grown);
    }
}
