package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class DltListCommandIT {

    @TempDir
    Path dir;

    @Test
    void listsTheLatestDeadLettersOfAFunctionWithTheirReasons(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, "orders.check.dlt", 1, (short) 1, Map.of());
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int i = 0; i < 3; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>("orders.check.dlt", "order-" + i, "{}");
                header(record, DeadLetterHeaders.TOPIC, "orders");
                header(record, DeadLetterHeaders.PARTITION, "0");
                header(record, DeadLetterHeaders.OFFSET, String.valueOf(10 + i));
                header(record, DeadLetterHeaders.ATTEMPTS, "5");
                header(record, DeadLetterHeaders.LAST_FAILURE, "2026-11-23T10:00:0" + i + "Z");
                header(record, DeadLetterHeaders.ERROR_CLASS, "dev.tributary.sdk.NonRetryableException");
                header(record, DeadLetterHeaders.ERROR_MESSAGE, "order " + i + " has no items");
                producer.send(record).get();
            }
        }
        Path config = Files.writeString(dir.resolve("tributary.yaml"), """
                functions:
                  - name: check
                    handler: com.example.Check
                    subscribe: { topics: [orders] }
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "dlt", "list",
                "--config", config.toString(), "--function", "check", "--limit", "2", "--bootstrap-servers", bootstrap);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualToNormalizingNewlines("""
                orders.check.dlt: the latest 2
                  orders-0@11 key=order-1 attempts=5 last failure 2026-11-23T10:00:01Z: dev.tributary.sdk.NonRetryableException: order 1 has no items
                  orders-0@12 key=order-2 attempts=5 last failure 2026-11-23T10:00:02Z: dev.tributary.sdk.NonRetryableException: order 2 has no items
                """);
    }

    @Test
    void anUnknownFunctionIsAUsageError(@BootstrapServers String bootstrap) throws Exception {
        Path config = Files.writeString(dir.resolve("tributary.yaml"), "functions: []\n");
        StringWriter err = new StringWriter();

        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "dlt", "list",
                "--config", config.toString(), "--function", "nope", "--bootstrap-servers", bootstrap);

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("declares no function named 'nope'");
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
