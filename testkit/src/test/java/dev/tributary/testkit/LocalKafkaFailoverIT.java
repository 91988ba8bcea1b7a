package dev.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@WithLocalKafka(brokers = 3)
class LocalKafkaFailoverIT {

    private static final String TOPIC = "replicated";

    @Test
    void acksAllWritesContinueAfterThePartitionLeaderStops(LocalKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        KafkaTestClients.createTopic(bootstrap, TOPIC, 1, (short) 3, Map.of("min.insync.replicas", "2"));
        List<String> acknowledged = new ArrayList<>();

        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            produce(producer, 0, 50, acknowledged);
            int leader = leaderOf(bootstrap);

            kafka.stopBroker(kafka.brokerIndex(leader));
            produce(producer, 50, 100, acknowledged);

            assertThat(leaderOf(bootstrap)).isNotEqualTo(leader);
            kafka.startBroker(kafka.brokerIndex(leader));
            produce(producer, 100, 150, acknowledged);
        }

        List<ConsumerRecord<String, String>> records =
                KafkaTestClients.readTopic(bootstrap, TOPIC, Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(acknowledged);
        assertThat(acknowledged).hasSize(150);
    }

    private static void produce(KafkaProducer<String, String> producer, int from, int to, List<String> acknowledged)
            throws Exception {
        for (int i = from; i < to; i++) {
            String value = "record-" + i;
            producer.send(new ProducerRecord<>(TOPIC, value)).get(30, TimeUnit.SECONDS);
            acknowledged.add(value);
        }
    }

    private static int leaderOf(String bootstrap) throws Exception {
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(TOPIC);
            return description.partitions().get(0).leader().id();
        }
    }
}
