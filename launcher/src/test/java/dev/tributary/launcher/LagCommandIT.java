package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class LagCommandIT {

    @TempDir
    Path dir;

    @Test
    void printsLagPerFunctionAndPartitionFromTheCommittedOffsets(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, "lag-in", 1, (short) 1, Map.of());
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("lag-in", "k", "v" + i)).get();
            }
        }
        TopicPartition partition = new TopicPartition("lag-in", 0);
        try (KafkaConsumer<String, String> group = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "tributary.slow"), new StringDeserializer(), new StringDeserializer())) {
            group.assign(List.of(partition));
            group.commitSync(Map.of(partition, new OffsetAndMetadata(4)));
        }
        Path config = Files.writeString(dir.resolve("tributary.yaml"), """
                functions:
                  - name: slow
                    handler: com.example.Slow
                    subscribe: { topics: [lag-in] }
                  - name: idle
                    handler: com.example.Idle
                    subscribe: { topics: [lag-in] }
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "lag", "--config", config.toString(),
                "--window", "100ms", "--bootstrap-servers", bootstrap);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines().toList()).satisfiesExactly(
                header -> assertThat(header).contains("FUNCTION", "PARTITION", "LAG", "RATE/S", "TIME TO DRAIN"),
                row -> assertThat(row.split("\\s+")).containsExactly("slow", "lag-in-0", "6", "0.0", "stalled"),
                idle -> assertThat(idle).contains("idle", "group tributary.idle has committed nothing yet"));
    }

    @Test
    void aWindowThatIsNotADurationIsAUsageError() throws Exception {
        StringWriter err = new StringWriter();

        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "lag",
                "--window", "soon");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }
}
