package dev.tributary.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.launcher.config.ConfigLoader;
import dev.tributary.launcher.config.TributaryConfig;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code stream:} function of tributary.yaml runs on Kafka Streams beside the event functions, state and all. */
@WithLocalKafka
class StreamFunctionRuntimeIT {

    @TempDir
    Path dir;

    @Test
    void aStreamFunctionFromTheConfigCountsPerKeyIntoItsOutputTopic(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, "words-in", 2, (short) 1, Map.of());
        KafkaTestClients.createTopic(bootstrap, "word-counts", 2, (short) 1, Map.of());
        Path file = Files.writeString(dir.resolve("tributary.yaml"), """
                functions:
                  - name: counts
                    stream: dev.tributary.launcher.CountPerKey
                    subscribe: { topics: [words-in], startFrom: earliest }
                    output: { topic: word-counts }
                """);
        TributaryConfig config = ConfigLoader.load(file, name -> null);
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>("words-in", "k" + i % 3, "w" + i));
            }
        }

        try (FunctionRuntime runtime = FunctionRuntime.start(config, bootstrap, Clock.systemUTC(),
                new SimpleMeterRegistry(), dir.resolve("data"))) {
            assertThat(runtime.functionNames()).containsExactly("counts");
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Map<String, String> latest = new HashMap<>();
                for (ConsumerRecord<String, String> record : KafkaTestClients.readTopic(bootstrap, "word-counts",
                        Duration.ofSeconds(30))) {
                    latest.put(record.key(), record.value());
                }
                assertThat(latest).containsExactlyInAnyOrderEntriesOf(Map.of("k0", "10", "k1", "10", "k2", "10"));
            });
            assertThat(runtime.ready()).isTrue();
            assertThat(KafkaTestClients.readTopic(bootstrap, "word-counts", Duration.ofSeconds(30)).getFirst()
                    .headers().lastHeader("ce_type").value()).isEqualTo("com.example.count".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(dir.resolve("data/streams/counts")).isDirectory();
    }
}
