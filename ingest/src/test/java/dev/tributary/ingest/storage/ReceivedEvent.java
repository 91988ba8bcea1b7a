package dev.tributary.ingest.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A storage event as a consumer sees it, from Kafka or from a {@link RecordingPublisher}.
 *
 * @param recordKey the Kafka record key as UTF-8, or the {@code partitionkey} for an event that never reached Kafka
 * @param event     the CloudEvent
 * @param data      its data, parsed
 */
public record ReceivedEvent(String recordKey, CloudEvent event, JsonNode data) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final KafkaEventCodec CODEC = new KafkaEventCodec();

    public static ReceivedEvent of(CloudEvent event) {
        return new ReceivedEvent(String.valueOf(event.getExtension(KafkaEventCodec.PARTITION_KEY)), event, data(event));
    }

    /** {@code type subject} in short, such as {@code created a.txt}, for asserting sequences. */
    public String summary() {
        return event.getType().substring(event.getType().lastIndexOf('.') + 1) + " " + event.getSubject();
    }

    /** Every event in {@code topic} now, in offset order (the tests' topics have one partition). */
    public static List<ReceivedEvent> readTopic(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ReceivedEvent> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    CloudEvent event = CODEC.decode(record).cloudEvent();
                    events.add(new ReceivedEvent(new String(record.key(), StandardCharsets.UTF_8), event,
                            data(event)));
                });
            }
        }
        return events;
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return MAPPER.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
