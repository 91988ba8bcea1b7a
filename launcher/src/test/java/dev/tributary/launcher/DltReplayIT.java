package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.launcher.config.ConfigLoader;
import dev.tributary.launcher.config.TributaryConfig;
import dev.tributary.launcher.run.FunctionRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dead letter replayed after its function is fixed reaches that function again, and no other subscriber. */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class DltReplayIT {

    /** Refuses "poison" until it is fixed. */
    public static final class Picky implements EventFunction<String> {
        static volatile boolean fixed;
        static final List<String> HANDLED = new CopyOnWriteArrayList<>();

        @Override
        public void handle(Event<String> event, Context context) {
            if (event.data().equals("poison") && !fixed) {
                throw new NonRetryableException("poison is not an order");
            }
            HANDLED.add(event.data());
        }
    }

    /** Sees every event of the topic, as a second subscriber would. */
    public static final class Audit implements EventFunction<String> {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Override
        public void handle(Event<String> event, Context context) {
            SEEN.add(event.data());
        }
    }

    @TempDir
    Path dir;

    @Test
    void replaySendsDeadLettersBackToTheFixedFunctionOnly(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, "replay-orders", 2, (short) 1, Map.of());
        Path file = Files.writeString(dir.resolve("tributary.yaml"), """
                functions:
                  - name: picky
                    handler: dev.tributary.launcher.DltReplayIT$Picky
                    subscribe: { topics: [replay-orders], startFrom: earliest }
                  - name: audit
                    handler: dev.tributary.launcher.DltReplayIT$Audit
                    subscribe: { topics: [replay-orders], startFrom: earliest }
                """);
        TributaryConfig config = ConfigLoader.load(file, name -> null);
        try (FunctionRuntime runtime = FunctionRuntime.start(config, bootstrap, Clock.systemUTC(),
                new SimpleMeterRegistry(), Path.of("target", "streams"));
             KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (String order : List.of("order-1", "poison", "order-2")) {
                producer.send(new ProducerRecord<>("replay-orders", "customer-7", order)).get();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(bootstrap).size() == 1
                    && Audit.SEEN.size() == 3 && Picky.HANDLED.size() == 2);

            Picky.fixed = true;
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "dlt", "replay",
                    "--config", file.toString(), "--function", "picky", "--bootstrap-servers", bootstrap);

            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("replayed 1 dead letters of picky to tributary.picky.replay");
            await().atMost(Duration.ofSeconds(60)).until(() -> Picky.HANDLED.contains("poison"));
            assertThat(Audit.SEEN).as("the other subscriber never sees the replay").hasSize(3);
        }
    }

    @Test
    void aDryRunCountsAndSendsNothing(@BootstrapServers String bootstrap) throws Exception {
        Path file = Files.writeString(dir.resolve("tributary.yaml"), """
                functions:
                  - name: idle
                    handler: com.example.Idle
                    subscribe: { topics: [nothing-here] }
                """);
        StringWriter out = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "dlt", "replay",
                "--config", file.toString(), "--function", "idle", "--dry-run", "--bootstrap-servers", bootstrap);

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("would replay 0 dead letters of idle");
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String bootstrap) {
        try (var admin = KafkaTestClients.admin(bootstrap)) {
            if (!admin.listTopics().names().get().contains("replay-orders.picky.dlt")) {
                return List.of();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return KafkaTestClients.readTopic(bootstrap, "replay-orders.picky.dlt", Duration.ofSeconds(10));
    }
}
