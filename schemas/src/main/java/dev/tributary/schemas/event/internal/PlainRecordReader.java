package dev.tributary.schemas.event.internal;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Wraps a Kafka record that is not a CloudEvent as one, so that every function sees one event shape. The id is
 * unique per record, the data is the value as it is, and nothing is read from the headers but {@code content-type}.
 */
public final class PlainRecordReader {

    /** The type of every event made from a plain record. */
    public static final String TYPE = "dev.tributary.kafka.record";

    private PlainRecordReader() {
    }

    /**
     * The event standing for {@code record}.
     *
     * @param contentType the {@code content-type} header, or {@code null}
     */
    public static CloudEvent read(ConsumerRecord<byte[], byte[]> record, String contentType) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(record.topic() + "/" + record.partition() + "/" + record.offset())
                .withSource(URI.create("kafka://" + record.topic()))
                .withType(TYPE);
        if (record.timestamp() >= 0) { // NO_TIMESTAMP is -1
            builder.withTime(OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC));
        }
        if (contentType != null) {
            builder.withDataContentType(contentType);
        }
        if (record.value() != null) {
            builder.withData(record.value());
        }
        return builder.build();
    }
}
