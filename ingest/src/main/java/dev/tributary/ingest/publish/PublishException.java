package dev.tributary.ingest.publish;

import java.util.Objects;

/**
 * Why a publish did not complete with an acknowledgement. The {@link #reason()} tells an adapter what to answer its
 * client; the message says what happened and what to do, for the client or an operator.
 */
public final class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the events were not acknowledged, and what the client may do about it. */
    public enum Reason {
        /**
         * The publisher's in-flight budget is full: Kafka acknowledges more slowly than clients send. Nothing was
         * written. Retry after a pause; HTTP answers 503 with {@code Retry-After}.
         */
        BUSY(true),
        /**
         * Kafka did not acknowledge within the delivery timeout, or is unreachable. The events may or may not have
         * been written: retry with the same event ids, so that consumers can drop duplicates. HTTP answers 503.
         */
        UNAVAILABLE(true),
        /**
         * The publisher is closing or closed. Nothing more is written by this process; retry against another
         * replica. HTTP answers 503.
         */
        CLOSED(true),
        /**
         * A record is larger than Kafka accepts ({@code max.request.size}, the topic's {@code max.message.bytes}) or
         * than the whole in-flight budget. Retrying the same events cannot succeed: send smaller ones. HTTP answers
         * 413.
         */
        TOO_LARGE(false),
        /**
         * Kafka refused the record as invalid for its topic, for example a record without a key on a compacted
         * topic. Retrying the same events cannot succeed: fix them. HTTP answers 400.
         */
        INVALID(false),
        /**
         * Kafka refused the write for a reason of its own configuration: this client is not authorized to write the
         * topic, the topic name is invalid, or the producer failed for good. Retrying cannot succeed until an
         * operator fixes the cluster or the ingest configuration. HTTP answers 500. (A topic that does not exist and
         * is not created automatically shows as {@link #UNAVAILABLE}: Kafka waits for it until the timeout.)
         */
        REJECTED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether sending the same events again later may succeed. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;

    public PublishException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason of a publish failure");
    }

    public PublishException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
