package dev.tributary.dispatcher.internal;

import dev.tributary.schemas.event.EventKey;
import dev.tributary.schemas.event.KafkaEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One record on its way through the dispatcher, owned by the consumer thread. Its life:
 *
 * <pre>
 * received ─┬─► not a valid event ─────────────────────────────► dead-lettering ─► done
 *           ├─► filtered out ──────────────────────────────────────────────────► done
 *           └─► queued in its lane ─► in flight ─┬─► succeeded ────────────────► done
 *                      ▲                         ├─► retryable, attempts left ─► waiting to retry ─┐
 *                      │                         └─► otherwise ─► dead-lettering ─► done           │
 *                      └───────────────────────────────────────────────────────────────────────────┘
 * </pre>
 * Only "done" completes its offset; a record waiting to retry keeps its lane busy, so later records of its key
 * (or partition) wait behind it as the ordering mode requires.
 */
final class Work {

    final TopicPartition partition;
    final ConsumerRecord<byte[], byte[]> record;
    /** Null when the record is not a valid event. */
    final KafkaEvent event;
    int attempts;
    /** When its current attempt started, on the dispatcher's clock. */
    long startedMillis;
    /** Its current or last attempt, which the consumer thread fails when it runs past the timeout. */
    volatile CompletableFuture<Void> attempt;
    Instant firstFailure;
    Instant lastFailure;
    Throwable lastError;
    /** Its dead-letter write failed and waits in the retry schedule to be tried again. */
    boolean deadLetterPending;

    Work(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, KafkaEvent event) {
        this.partition = partition;
        this.record = record;
        this.event = event;
    }

    long offset() {
        return record.offset();
    }

    Optional<EventKey> orderingKey() {
        return event == null ? Optional.empty() : event.key();
    }

    void failed(Throwable error, Instant at) {
        lastError = error;
        lastFailure = at;
        if (firstFailure == null) {
            firstFailure = at;
        }
    }

    @Override
    public String toString() {
        return partition + "@" + offset();
    }
}
