package dev.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class LocalKafkaIT {

    @Test
    void recordsProducedAreConsumedInOrderWithTheirKeys(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, "round-trip", 1, (short) 1, Map.of());
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>("round-trip", "key-" + (i % 7), "value-" + i)).get();
            }
        }

        List<ConsumerRecord<String, String>> records =
                KafkaTestClients.readTopic(bootstrap, "round-trip", Duration.ofSeconds(30));

        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "value-" + i).toList());
        assertThat(records).extracting(ConsumerRecord::key).startsWith("key-0", "key-1", "key-2");
    }

    @Test
    void theClusterListensOnLoopbackOnly(LocalKafka kafka) {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(kafka.brokerCount()).isEqualTo(1);
    }
}
