package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.schemas.filter.EventFilter;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.Output;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Records a function does not see: events its filter rejects, plain records that do not match, and records that
 * are not valid events, which go to the dead-letter topic. None of them stops the partition, and all of them are
 * committed.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class FilteringAndPoisonIT {

    private static final String IN = "filtering-in";
    private static final String OUT = "filtering-out";

    /** Copies each event to the output topic. */
    static final class Copy implements EventFunction<byte[]> {
        @Override
        public void handle(Event<byte[]> event, Context context) {
            context.emit(Output.copyOf(event));
        }
    }

    @Test
    void onlyMatchingEventsAreInvokedAndEveryRecordIsCommitted(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, IN, 3, (short) 1, Map.of());
        KafkaEventCodec codec = new KafkaEventCodec();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 30; i++) {
                String type = i % 3 == 0 ? "com.other.reading" : "com.example.reading";
                producer.send(codec.encode(IN, CloudEventBuilder.v1().withId("e" + i).withSource(URI.create("/test"))
                        .withType(type).withExtension("partitionkey", "k" + (i % 5))
                        .withData(("event " + i).getBytes(StandardCharsets.UTF_8)).build()));
            }
            ProducerRecord<byte[], byte[]> poison = new ProducerRecord<>(IN, "k1".getBytes(), "no specversion".getBytes());
            poison.headers().add("ce_id", "p1".getBytes()).add("ce_type", "com.example.reading".getBytes());
            producer.send(poison);
            producer.send(new ProducerRecord<>(IN, "k2".getBytes(), "plain record".getBytes()));
            producer.flush();
        }

        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            DispatcherSettings settings = fixture.settings("filtering", IN)
                    .withFilter(new EventFilter.Prefix("type", "com.example."));
            FunctionDispatcher dispatcher = fixture.start(settings, new Copy(), Optional.of(OUT));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(dispatcher.stats().succeeded()).isEqualTo(20);
                assertThat(dispatcher.stats().filtered()).as("10 other types and the plain record").isEqualTo(11);
                assertThat(dispatcher.stats().undecodable()).isEqualTo(1);
                assertThat(dispatcher.stats().deadLettered()).isEqualTo(1);
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(committed(bootstrap, settings.groupId())).isEqualTo(endOffsets(bootstrap)));
        }

        List<ConsumerRecord<String, String>> outputs = KafkaTestClients.readTopic(bootstrap, OUT, Duration.ofSeconds(30));
        assertThat(outputs).hasSize(20).allSatisfy(record -> assertThat(record.value()).startsWith("event "));
        List<ConsumerRecord<String, String>> deadLetters =
                KafkaTestClients.readTopic(bootstrap, IN + ".filtering.dlt", Duration.ofSeconds(30));
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("no specversion");
            assertThat(new String(record.headers().lastHeader(DeadLetterHeaders.ERROR_MESSAGE).value()))
                    .startsWith("header ce_specversion: missing");
            assertThat(new String(record.headers().lastHeader(DeadLetterHeaders.ATTEMPTS).value())).isEqualTo("0");
        });
    }

    private static Map<TopicPartition, Long> committed(String bootstrap, String group) throws Exception {
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrap) throws Exception {
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                latest.put(new TopicPartition(IN, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }
}
