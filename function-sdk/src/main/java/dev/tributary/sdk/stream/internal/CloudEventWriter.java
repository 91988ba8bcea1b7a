package dev.tributary.sdk.stream.internal;

import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.sdk.stream.StreamOutput;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns result records into binary-mode CloudEvents for one topic, as {@link StreamOutput} describes: the value
 * encoded by the output's codec, {@code ce_*} headers replacing whatever headers the record carried from its input,
 * and an id derived from the input and the window so that processing the same input again gives the same id.
 */
final class CloudEventWriter<K, V> implements Processor<K, V, byte[], byte[]> {

    private static final String ID_HEADER = "ce_id";

    private final String functionName;
    private final String topic;
    private final StreamOutput<V> output;
    private final URI source;
    private final KafkaEventCodec codec = new KafkaEventCodec();
    private ProcessorContext<byte[], byte[]> context;

    CloudEventWriter(String functionName, String topic, StreamOutput<V> output) {
        this.functionName = functionName;
        this.topic = topic;
        this.output = output;
        this.source = output.source().orElse(URI.create("tributary://functions/" + functionName));
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<K, V> record) {
        ResultKey key = ResultKey.of(record.key());
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(inputId(record) + ":" + functionName + ":" + key.idPart())
                .withSource(source)
                .withType(output.type())
                .withTime(OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC));
        key.window().ifPresent(window -> event
                .withExtension(StreamOutput.WINDOW_START, window.startTime().toString())
                .withExtension(StreamOutput.WINDOW_END, window.endTime().toString()));
        byte[] data = output.codec().encode(topic, record.value());
        if (data != null) {
            event.withDataContentType(output.codec().contentType()).withData(data);
        }
        ProducerRecord<byte[], byte[]> encoded = codec.encode(topic, event.build());
        context.forward(new Record<>(key.bytes(), encoded.value(), record.timestamp(), encoded.headers()));
    }

    /**
     * The id of the event whose processing produced this result: Kafka Streams hands a result the headers of the
     * input that caused it, through stores, caches and repartition topics. A record that was not a CloudEvent has
     * the id the codec gives plain records, its position; a result of a punctuation has neither, and its timestamp
     * stands in.
     */
    private String inputId(Record<K, V> record) {
        Header id = record.headers().lastHeader(ID_HEADER);
        if (id != null) {
            return new String(id.value(), StandardCharsets.UTF_8);
        }
        Optional<RecordMetadata> metadata = context.recordMetadata();
        if (metadata.isPresent() && metadata.get().topic() != null) {
            return metadata.get().topic() + "/" + metadata.get().partition() + "/" + metadata.get().offset();
        }
        return "@" + record.timestamp();
    }

    /** The record key of a result and the part of its id that tells results of one input apart. */
    private record ResultKey(byte[] bytes, String text, Optional<org.apache.kafka.streams.kstream.Window> window) {

        static ResultKey of(Object key) {
            if (key instanceof Windowed<?> windowed) {
                ResultKey inner = of(windowed.key());
                return new ResultKey(inner.bytes, inner.text, Optional.of(windowed.window()));
            }
            if (key == null) {
                return new ResultKey(null, "", Optional.empty());
            }
            if (key instanceof byte[] bytes) {
                return new ResultKey(bytes, new String(bytes, StandardCharsets.UTF_8), Optional.empty());
            }
            String text = key.toString();
            return new ResultKey(text.getBytes(StandardCharsets.UTF_8), text, Optional.empty());
        }

        String idPart() {
            return window.map(w -> text + "@" + w.startTime()).orElse(text);
        }
    }
}
