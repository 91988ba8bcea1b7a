package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary run --role dispatcher} against a three-broker cluster, stopped with SIGTERM in the middle of a
 * stream: it exits 0, its committed offsets never pass a record whose output is not written, and a new process
 * finishes the rest, so nothing is lost.
 */
@WithLocalKafka(brokers = 3)
class RunCommandIT {

    private static final int RECORDS = 3_000;
    private static final String IN = "run-in";
    private static final String OUT = "run-out";
    private static final String GROUP = "tributary.slow-upper";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void sigtermMidStreamCommitsOnlyFinishedWorkAndLosesNothing(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, IN, 6, (short) 3, Map.of());
        KafkaTestClients.createTopic(bootstrap, OUT, 6, (short) 3, Map.of());
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(IN, "k-" + i % 100, "w-" + i));
            }
        }
        Path config = Files.writeString(dir.resolve("tributary.yaml"), """
                kafka:
                  bootstrapServers: %s
                functions:
                  - name: slow-upper
                    handler: dev.tributary.launcher.SlowUpper
                    subscribe: { topics: [%s], startFrom: earliest, concurrency: 8, minConcurrency: 8 }
                    output: { topic: %s }
                """.formatted(bootstrap, IN, OUT));

        try (LauncherProcess run = start(config)) {
            await().atMost(WAIT).until(() -> outputs(bootstrap).size() >= RECORDS / 10);
            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(60))).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("Stopped.");
        }

        Map<TopicPartition, OffsetAndMetadata> committed = committed(bootstrap);
        Set<String> outputs = outputs(bootstrap);
        assertThat(outputs).as("stopped mid-stream").hasSizeLessThan(RECORDS);
        assertThat(committed).as("the finished work was committed").isNotEmpty();
        List<ConsumerRecord<String, String>> inputs = KafkaTestClients.readTopic(bootstrap, IN, WAIT);
        for (ConsumerRecord<String, String> input : inputs) {
            OffsetAndMetadata offset = committed.get(new TopicPartition(IN, input.partition()));
            if (offset != null && input.offset() < offset.offset()) {
                assertThat(outputs).as("the output of %s, below the committed offset %s", input, offset)
                        .contains(input.value().toUpperCase());
            }
        }

        try (LauncherProcess run = start(config)) {
            await().atMost(WAIT).until(() -> outputs(bootstrap).size() == RECORDS);
            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(60))).isEqualTo(ExitCodes.OK);
        }
        assertThat(outputs(bootstrap)).containsAll(inputs.stream().map(input -> input.value().toUpperCase()).toList());
    }

    private static LauncherProcess start(Path config) throws Exception {
        LauncherProcess run = LauncherProcess.start("run", "--config", config.toString(), "--role", "dispatcher",
                "--admin-port", "0");
        run.awaitOutput("Admin (metrics, health)", WAIT);
        return run;
    }

    private static Set<String> outputs(String bootstrap) {
        return KafkaTestClients.readTopic(bootstrap, OUT, WAIT).stream().map(ConsumerRecord::value)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String bootstrap) throws Exception {
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .entrySet().stream().filter(entry -> entry.getKey().topic().equals(IN))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}
