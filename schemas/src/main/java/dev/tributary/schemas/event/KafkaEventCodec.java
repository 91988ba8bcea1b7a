package dev.tributary.schemas.event;

import dev.tributary.schemas.event.KafkaEvent.ContentMode;
import dev.tributary.schemas.event.internal.BinaryModeReader;
import dev.tributary.schemas.event.internal.ContentModes;
import dev.tributary.schemas.event.internal.HeaderValues;
import dev.tributary.schemas.event.internal.PlainRecordReader;
import dev.tributary.schemas.event.internal.StructuredModeReader;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * CloudEvents in the Kafka protocol binding, both ways.
 *
 * <p><b>Writing</b> is always binary mode: each attribute and extension in a {@code ce_<name>} header (UTF-8),
 * {@code datacontenttype} in the {@code content-type} header, the data as the record value (no data, no value).
 * The {@code partitionkey} extension, when present, also becomes the record key as UTF-8 bytes.
 *
 * <p><b>Reading</b> chooses the content mode as the binding says:
 * <ol>
 *   <li>a {@code content-type} of {@code application/cloudevents+json} (any parameters; charset UTF-8) is
 *       structured mode; another {@code application/cloudevents} type is malformed, as this codec reads no
 *       other event format;</li>
 *   <li>otherwise any {@code ce_} header makes it binary mode, and {@code ce_specversion} is then required;</li>
 *   <li>otherwise it is a plain Kafka record, which is still an event: id {@code <topic>/<partition>/<offset>},
 *       source {@code kafka://<topic>}, type {@value #PLAIN_RECORD_TYPE}, time the record timestamp (when it has
 *       one), data the value, {@code datacontenttype} the {@code content-type} header (when there is one).</li>
 * </ol>
 * The event's ordering key is its {@code partitionkey} extension when it has one, otherwise the record key.
 * Extensions, such as W3C {@code traceparent} and {@code tracestate}, pass through unchanged.
 *
 * <p>Reading fails only with {@link MalformedEventException}, whatever the record holds, so a caller can send
 * every failure to the dead-letter topic. Thread-safe: one instance serves every partition.
 */
public final class KafkaEventCodec {

    /** The extension whose value is the ordering key (CloudEvents Partitioning extension). */
    public static final String PARTITION_KEY = "partitionkey";

    /** The CloudEvents type of an event made from a plain Kafka record. */
    public static final String PLAIN_RECORD_TYPE = PlainRecordReader.TYPE;

    private final StructuredModeReader structured = new StructuredModeReader();
    private final BinaryModeReader binary = new BinaryModeReader();

    /**
     * Reads the event a record carries.
     *
     * @throws MalformedEventException when the record claims to carry a CloudEvent and does not carry a valid one
     */
    public KafkaEvent decode(ConsumerRecord<byte[], byte[]> record) {
        Objects.requireNonNull(record, "record to decode");
        String contentType = HeaderValues.contentType(record.headers());
        ContentMode mode = ContentModes.of(record.headers(), contentType);
        CloudEvent event = switch (mode) {
            case STRUCTURED -> structured.read(contentType, record.value());
            case BINARY -> binary.read(record.headers(), contentType, record.value());
            case PLAIN -> PlainRecordReader.read(record, contentType);
        };
        return new KafkaEvent(record.topic(), record.partition(), record.offset(), key(event, record), event,
                record.headers(), mode);
    }

    private static Optional<EventKey> key(CloudEvent event, ConsumerRecord<byte[], byte[]> record) {
        Object partitionKey = event.getExtension(PARTITION_KEY);
        if (partitionKey != null) {
            return Optional.of(EventKey.ofUtf8(partitionKey.toString()));
        }
        return record.key() == null ? Optional.empty() : Optional.of(EventKey.of(record.key()));
    }

    /** A binary-mode record of {@code event} for {@code topic}, keyed by its {@code partitionkey} extension if any. */
    public ProducerRecord<byte[], byte[]> encode(String topic, CloudEvent event) {
        Objects.requireNonNull(topic, "topic to encode for");
        Objects.requireNonNull(event, "event to encode");
        byte[] key = partitionKey(event).map(EventKey::bytes).orElse(null);
        return KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
    }

    private static Optional<EventKey> partitionKey(CloudEvent event) {
        return Optional.ofNullable(event.getExtension(PARTITION_KEY)).map(value -> EventKey.ofUtf8(value.toString()));
    }
}
