package dev.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.embedded.KafkaProcess;
import dev.tributary.embedded.PortInUseException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProcessIT {

    private static final String TOPIC = "crash";

    @TempDir
    Path dataDir;

    @Test
    void aKilledBrokerRestartsOnItsDataWithNothingAcknowledgedLost() throws Exception {
        try (KafkaProcess kafka = KafkaProcess.builder(dataDir).build().start()) {
            String bootstrap = kafka.bootstrapServers();
            KafkaTestClients.createTopic(bootstrap, TOPIC, 3, (short) 1, Map.of());
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();

            // The broker is killed while records are in flight: only acknowledged records are promised.
            try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
                sendAsync(producer, 0, 4_000, acknowledged);
                await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 2_000);
                kafka.kill();
                assertThat(kafka.isAlive()).isFalse();

                kafka.start();
                sendAsync(producer, 4_000, 5_000, acknowledged);
                producer.flush();
            }

            List<ConsumerRecord<String, String>> records =
                    KafkaTestClients.readTopic(bootstrap, TOPIC, Duration.ofSeconds(30));
            Set<String> read = records.stream().map(ConsumerRecord::value).collect(Collectors.toSet());
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2_000);
            assertThat(read).containsAll(acknowledged);
            assertThat(records).as("the idempotent producer writes no record twice").hasSameSizeAs(read);
        }
    }

    private static void sendAsync(KafkaProducer<String, String> producer, int from, int to, Set<String> acknowledged) {
        for (int i = from; i < to; i++) {
            String value = "record-" + i;
            producer.send(new ProducerRecord<>(TOPIC, value), (metadata, error) -> {
                if (error == null) {
                    acknowledged.add(value);
                }
            });
        }
    }

    @Test
    void aTakenPortIsAClearErrorAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long childrenBefore = ProcessHandle.current().children().count();
            KafkaProcess kafka = KafkaProcess.builder(dataDir).port(taken.getLocalPort()).portSetting("--kafka-port")
                    .build();

            assertThatThrownBy(kafka::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use;"
                            + " choose another with --kafka-port");
            assertThat(kafka.isAlive()).isFalse();
            assertThat(ProcessHandle.current().children().count()).isEqualTo(childrenBefore);
        }
    }
}
