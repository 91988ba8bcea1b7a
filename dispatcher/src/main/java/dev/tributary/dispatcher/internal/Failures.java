package dev.tributary.dispatcher.internal;

import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.schemas.event.MalformedEventException;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** The verdict on a failed invocation: whether another attempt may help, and how long the function asked to wait. */
final class Failures {

    private Failures() {
    }

    /** The error itself, without the wrappers futures put around it. */
    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Retrying cannot fix data that does not decode, nor a failure the function declared final; anything else
     * (exceptions, timeouts, a downstream that is away, a schema registry that did not answer) may go away on its
     * own.
     */
    static boolean retryable(Throwable error) {
        Throwable cause = unwrap(error);
        return !(cause instanceof NonRetryableException
                || cause instanceof DataCodecException codecFailure && !codecFailure.retriable()
                || cause instanceof MalformedEventException);
    }

    /** A sign to run fewer at once: the function said its downstream is overloaded, or it did not answer in time. */
    static boolean overloaded(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof OverloadedException || cause instanceof TimeoutException;
    }

    static Optional<Duration> retryAfter(Throwable error) {
        return unwrap(error) instanceof RetryableException retryable ? retryable.retryAfter() : Optional.empty();
    }
}
