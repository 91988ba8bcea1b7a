package dev.tributary.sdk;

import java.time.Duration;

/**
 * Thrown by a function when what it depends on is overloaded (HTTP 429 or 503, a full connection pool, a
 * throttled API). It is retried like any {@link RetryableException}, and it also tells the dispatcher to run
 * fewer invocations of the function at once for a while, so a struggling downstream is not hammered. Remote
 * functions get it for their 429 and 503 answers.
 */
public class OverloadedException extends RetryableException {

    private static final long serialVersionUID = 1L;

    public OverloadedException(String message) {
        this(message, null, null);
    }

    /** @param retryAfter the least time to wait before the next attempt, or null for the policy's backoff */
    public OverloadedException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause, retryAfter);
    }
}
