package dev.tributary.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class KafkaEventCodecIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaEventCodec codec = new KafkaEventCodec();

    @Test
    void binaryEventsRoundTripThroughATopicWithTheirExtensionsAndKeys(@BootstrapServers String bootstrap)
            throws Exception {
        String topic = "event-codec-round-trip";
        KafkaTestClients.createTopic(bootstrap, topic, 3, (short) 1, Map.of());
        List<CloudEvent> sent = List.of(
                event("reading-1").withExtension("partitionkey", "device-7")
                        .withExtension("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .withExtension("tracestate", "congo=t61rcWkgMzE")
                        .withData("application/json", "{\"celsius\":21.5}".getBytes(StandardCharsets.UTF_8))
                        .build(),
                event("reading-2").withExtension("partitionkey", "device-7")
                        .withData("application/octet-stream", new byte[] {0, (byte) 0xff})
                        .build(),
                event("heartbeat").build());

        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (CloudEvent event : sent) {
                producer.send(codec.encode(topic, event)).get();
            }
        }
        List<KafkaEvent> received = readTopic(bootstrap, topic).stream().map(codec::decode).toList();

        assertThat(received).extracting(KafkaEvent::cloudEvent).containsExactlyInAnyOrderElementsOf(sent);
        List<KafkaEvent> device7 = received.stream()
                .filter(event -> event.key().equals(Optional.of(EventKey.ofUtf8("device-7"))))
                .toList();
        assertThat(device7).extracting(event -> event.cloudEvent().getId()).containsExactly("reading-1", "reading-2");
        assertThat(device7).extracting(KafkaEvent::partition).containsOnly(device7.getFirst().partition());
        assertThat(received).filteredOn(event -> event.cloudEvent().getId().equals("heartbeat"))
                .singleElement().satisfies(event -> assertThat(event.key()).isEmpty());
    }

    private static CloudEventBuilder event(String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/devices"))
                .withType("com.example.reading")
                .withTime(OffsetDateTime.parse("2024-01-31T09:30:00Z"));
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Every record of {@code topic} up to its end offsets now, in offset order per partition. */
    private static List<ConsumerRecord<byte[], byte[]>> readTopic(String bootstrap, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                assertThat(System.nanoTime()).as("read %s to its end offsets %s in time", topic, end)
                        .isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
