package dev.tributary.dispatcher.internal;

import dev.tributary.schemas.event.KafkaEvent;
import org.apache.kafka.common.TopicPartition;

/**
 * One event on its way through the dispatcher. Its life:
 *
 * <pre>
 * received ──► filtered out ─────────────────────────► done (committable)
 *     │
 *     └──► queued in its lane ──► in flight ──► succeeded / failed ──► done (committable)
 * </pre>
 */
record Work(TopicPartition partition, KafkaEvent event) {

    long offset() {
        return event.offset();
    }
}
