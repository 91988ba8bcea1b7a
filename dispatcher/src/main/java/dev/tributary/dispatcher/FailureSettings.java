package dev.tributary.dispatcher;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens when a function fails or hangs.
 *
 * @param timeout         how long one invocation may run; a late one is abandoned, its outputs dropped, and it
 *                        counts as a retryable failure
 * @param retry           how retryable failures are retried
 * @param deadLetterTopic where records go after the last attempt, at once when not retryable, or when they are
 *                        not valid events; empty for the default {@code <source topic>.<function>.dlt}
 */
public record FailureSettings(Duration timeout, RetryPolicy retry, Optional<String> deadLetterTopic) {

    public static final FailureSettings DEFAULT = new FailureSettings(Duration.ofSeconds(30), RetryPolicy.DEFAULT,
            Optional.empty());

    public FailureSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    }

    /** The dead-letter topic for records of {@code sourceTopic}. */
    public String deadLetterTopicFor(String sourceTopic, String functionName) {
        return deadLetterTopic.orElse(sourceTopic + "." + functionName + ".dlt");
    }

    public FailureSettings withTimeout(Duration timeout) {
        return new FailureSettings(timeout, retry, deadLetterTopic);
    }

    public FailureSettings withRetry(RetryPolicy retry) {
        return new FailureSettings(timeout, retry, deadLetterTopic);
    }
}
