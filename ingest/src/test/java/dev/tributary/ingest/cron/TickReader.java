package dev.tributary.ingest.cron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads every committed tick of a topic, as a {@code read_committed} consumer of the ticks would see them. */
final class TickReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final KafkaEventCodec CODEC = new KafkaEventCodec();

    /** One tick as it arrived. */
    record Tick(String id, String key, Instant scheduledTime, Instant firedTime, KafkaEvent event) {
    }

    private TickReader() {
    }

    /** Every tick committed to {@code topic} so far, in offset order. */
    static List<Tick> read(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Tick> ticks = new ArrayList<>();
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
                consumer.poll(Duration.ofMillis(100)).forEach(record -> ticks.add(tick(record)));
            }
        }
        return ticks;
    }

    private static Tick tick(ConsumerRecord<byte[], byte[]> record) {
        KafkaEvent event = CODEC.decode(record);
        try {
            JsonNode data = MAPPER.readTree(event.cloudEvent().getData().toBytes());
            return new Tick(event.cloudEvent().getId(), new String(record.key(), StandardCharsets.UTF_8),
                    Instant.parse(data.get("scheduledTime").asText()), Instant.parse(data.get("firedTime").asText()),
                    event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
