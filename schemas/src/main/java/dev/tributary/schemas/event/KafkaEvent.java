package dev.tributary.schemas.event;

import io.cloudevents.CloudEvent;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A CloudEvent read from a Kafka record, with where it was read from: what the dispatcher hands to a function.
 *
 * @param topic       the record's topic
 * @param partition   the record's partition
 * @param offset      the record's offset, which the dispatcher commits once the event is done
 * @param key         the ordering key: the event's {@code partitionkey} extension when it has one, otherwise the
 *                    record key; empty when neither exists, and then the event has no ordering key
 * @param cloudEvent  the event; its data are the bytes as they were carried, for a
 *                    {@link dev.tributary.schemas.codec.DataCodec} to decode
 * @param headers     every header of the record, {@code ce_*} ones included; a read-only copy
 * @param contentMode how the record carried the event
 */
public record KafkaEvent(String topic, int partition, long offset, Optional<EventKey> key, CloudEvent cloudEvent,
                         Headers headers, ContentMode contentMode) {

    public KafkaEvent {
        Objects.requireNonNull(topic, "topic of a Kafka event");
        Objects.requireNonNull(key, "key of a Kafka event (Optional.empty() for none)");
        Objects.requireNonNull(cloudEvent, "CloudEvent of a Kafka event");
        Objects.requireNonNull(contentMode, "content mode of a Kafka event");
        RecordHeaders copy = new RecordHeaders(Objects.requireNonNull(headers, "headers of a Kafka event").toArray());
        copy.setReadOnly();
        headers = copy;
    }

    /** How a Kafka record carried its event. */
    public enum ContentMode {
        /** CloudEvents binary mode: attributes in {@code ce_*} headers, the data as the record value. */
        BINARY,
        /** CloudEvents structured mode: the whole event in the record value as {@code application/cloudevents+json}. */
        STRUCTURED,
        /**
         * Not a CloudEvent: a plain Kafka record, wrapped as an event of type
         * {@value KafkaEventCodec#PLAIN_RECORD_TYPE} (see {@link KafkaEventCodec}).
         */
        PLAIN
    }
}
