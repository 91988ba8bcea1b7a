package dev.tributary.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.publish.PublishException.Reason;
import dev.tributary.ingest.testing.TopicRecords;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publisher against a real broker: acknowledgements name real offsets, and the broker's refusals are typed. */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class KafkaPublisherIT {

    private static String bootstrap;
    private static KafkaPublisher publisher;

    @BeforeAll
    static void start(@BootstrapServers String servers) {
        bootstrap = servers;
        publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(servers)
                .withReadinessInterval(Duration.ofMillis(200)), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        publisher.close();
    }

    private static CloudEvent event(String id, String key, byte[] data) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(id).withSource(URI.create("/it"))
                .withType("com.example.it").withData("text/plain", data);
        return key == null ? builder.build() : builder.withExtension("partitionkey", key).build();
    }

    private static PublishException failureOf(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(PublishException.class);
        return (PublishException) thrown.getCause();
    }

    @Test
    void theAcknowledgementNamesTheRecordThatHoldsTheEvent() throws Exception {
        KafkaTestClients.createTopic(bootstrap, "published", 3, (short) 1, Map.of());
        CloudEvent event = event("p-1", "device-3", "21.5".getBytes(StandardCharsets.UTF_8));

        List<Acknowledgement> acks = publisher.publishAll(List.of(new TopicEvent("published", event),
                new TopicEvent("published", event("p-2", "device-3", new byte[0])))).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        ConsumerRecord<byte[], byte[]> record = TopicRecords.at(bootstrap, "published", acks.get(0).partition(),
                acks.get(0).offset());
        KafkaEvent read = new KafkaEventCodec().decode(record);
        assertThat(read.cloudEvent()).isEqualTo(event);
        assertThat(read.key()).hasValueSatisfying(key -> assertThat(key.toString()).isEqualTo("device-3"));
        assertThat(acks.get(1).partition()).as("same key, same partition").isEqualTo(acks.get(0).partition());
        assertThat(acks.get(1).offset()).isEqualTo(acks.get(0).offset() + 1);
        assertThat(publisher.inFlight()).isEqualTo(new KafkaPublisher.InFlight(0, 0));
    }

    @Test
    void theBrokersRefusalsComeBackAsReasonsTheClientCanActOn() {
        KafkaTestClients.createTopic(bootstrap, "tiny", 1, (short) 1, Map.of("max.message.bytes", "2048"));
        KafkaTestClients.createTopic(bootstrap, "compacted", 1, (short) 1, Map.of("cleanup.policy", "compact"));
        byte[] random = new byte[8_192];
        new Random(1).nextBytes(random);

        PublishException tooLarge = failureOf(publisher.publish("tiny", event("big", null, random)));
        PublishException unkeyed = failureOf(publisher.publish("compacted", event("no-key", null, new byte[1])));

        assertThat(tooLarge.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(unkeyed.reason()).isEqualTo(Reason.INVALID);
        assertThat(unkeyed.getMessage()).contains("partitionkey");
    }

    @Test
    void theStartedPublisherIsReadyOnceKafkaAnswers() {
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.readiness().ready());

        assertThat(publisher.readiness().detail()).isEqualTo("kafka reachable");
    }
}
