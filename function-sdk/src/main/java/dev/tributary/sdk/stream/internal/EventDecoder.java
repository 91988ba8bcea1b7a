package dev.tributary.sdk.stream.internal;

import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads the CloudEvent a source record carries, right after the source, where the record's topic, partition,
 * offset and headers are still its own. A key-preserving step, so grouping by key needs no repartition.
 * A record that is not a valid event throws {@link dev.tributary.schemas.event.MalformedEventException}, which
 * Tributary's processing-exception handler dead-letters.
 */
final class EventDecoder implements FixedKeyProcessor<String, byte[], KafkaEvent> {

    private final KafkaEventCodec codec = new KafkaEventCodec();
    private FixedKeyProcessorContext<String, KafkaEvent> context;

    @Override
    public void init(FixedKeyProcessorContext<String, KafkaEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(
                metadata.map(RecordMetadata::topic).orElse("unknown"),
                metadata.map(RecordMetadata::partition).orElse(-1),
                metadata.map(RecordMetadata::offset).orElse(-1L),
                record.timestamp(), TimestampType.CREATE_TIME, -1, -1, key, record.value(), record.headers(),
                Optional.empty());
        context.forward(record.withValue(codec.decode(consumed)));
    }
}
