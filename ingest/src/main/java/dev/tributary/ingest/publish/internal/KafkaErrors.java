package dev.tributary.ingest.publish.internal;

import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.PublishException.Reason;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * What a producer failure means for the client. By the time a producer reports a retriable error it has retried
 * until the delivery timeout, so every retriable error is {@link Reason#UNAVAILABLE}; the non-retriable ones say
 * whether the events or the cluster's configuration are at fault.
 */
public final class KafkaErrors {

    private KafkaErrors() {
    }

    /**
     * The publish failure for {@code error}, a producer send's exception.
     *
     * @param deliveryTimeout the timeout the producer had, for the message
     */
    public static PublishException classify(Throwable error, Duration deliveryTimeout) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof PublishException publish) {
            return publish;
        }
        String kafka = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return switch (cause) {
            case TimeoutException e -> new PublishException(Reason.UNAVAILABLE, "Kafka did not acknowledge within the "
                    + "delivery timeout of " + deliveryTimeout.toMillis() + " ms (" + kafka + "); the event may or may "
                    + "not be written: retry with the same event id", e);
            case RecordTooLargeException e -> tooLarge(kafka, e);
            case RecordBatchTooLargeException e -> tooLarge(kafka, e);
            case InvalidRecordException e -> invalid(kafka, e);
            case CorruptRecordException e -> invalid(kafka, e);
            case InvalidTimestampException e -> invalid(kafka, e);
            case RetriableException e -> new PublishException(Reason.UNAVAILABLE, "Kafka could not take the event "
                    + "within the delivery timeout of " + deliveryTimeout.toMillis() + " ms (" + kafka + "); retry "
                    + "with the same event id", e);
            case IllegalStateException e -> new PublishException(Reason.CLOSED, "the publisher is closed (" + kafka
                    + "); send to another replica", e);
            default -> new PublishException(Reason.REJECTED, "Kafka refused the write (" + kafka + "); an operator "
                    + "must fix the topic, the ACLs or the ingest configuration", cause);
        };
    }

    private static PublishException tooLarge(String kafka, Throwable cause) {
        return new PublishException(Reason.TOO_LARGE, "the event is larger than Kafka accepts (" + kafka + "); send "
                + "smaller events, or raise max.request.size and the topic's max.message.bytes", cause);
    }

    private static PublishException invalid(String kafka, Throwable cause) {
        return new PublishException(Reason.INVALID, "Kafka refused the record as invalid for its topic (" + kafka
                + "); a compacted topic, for one, needs a key: set the partitionkey extension", cause);
    }
}
