package dev.tributary.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * Thrown by a function when a later attempt may succeed (a dependency is down or busy). Any exception other
 * than {@link NonRetryableException} is retried too; this one can also say how long to wait, as an HTTP
 * {@code Retry-After} does. Retries follow the subscription's retry policy; after the last attempt the event
 * goes to the dead-letter topic.
 */
public class RetryableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public RetryableException(String message) {
        this(message, null, null);
    }

    public RetryableException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /** @param retryAfter the least time to wait before the next attempt, or null for the policy's backoff */
    public RetryableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
