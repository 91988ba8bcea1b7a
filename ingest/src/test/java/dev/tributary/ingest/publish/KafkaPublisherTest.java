package dev.tributary.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.PublishException.Reason;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher's guarantee against Kafka's {@link MockProducer}, which acknowledges or fails only when a test says
 * so: completion only on acknowledgement, failures the client can act on, a bounded in-flight budget, a deadline.
 */
class KafkaPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private KafkaPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private KafkaPublisher start(PublisherSettings settings) {
        publisher = KafkaPublisher.start(settings, producer, timeout -> CompletableFuture.completedStage(null),
                () -> { }, IngestMetrics.create(registry), Clock.systemUTC());
        return publisher;
    }

    private static PublisherSettings settings() {
        return PublisherSettings.forBootstrapServers("127.0.0.1:9").withDeliveryTimeout(Duration.ofSeconds(30));
    }

    private static CloudEvent event(String id, String key) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(id).withSource(URI.create("/test"))
                .withType("com.example.test").withData("text/plain", id.getBytes(StandardCharsets.UTF_8));
        return key == null ? builder.build() : builder.withExtension("partitionkey", key).build();
    }

    private void awaitSent(int records) {
        await().atMost(WAIT).until(() -> producer.history().size() == records);
    }

    private static PublishException failureOf(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(PublishException.class);
        return (PublishException) thrown.getCause();
    }

    @Test
    void aPublishCompletesOnlyOnceKafkaAcknowledgesWithWhereTheRecordIs() throws Exception {
        start(settings());

        CompletableFuture<Acknowledgement> ack = publisher.publish("orders", event("e-1", null)).toCompletableFuture();
        awaitSent(1);

        assertThat(ack).isNotDone();
        producer.completeNext();
        assertThat(ack.get(5, TimeUnit.SECONDS)).isEqualTo(new Acknowledgement("orders", 0, 0));
    }

    @Test
    void eventsAreWrittenInBinaryModeKeyedByTheirPartitionKey() {
        start(settings());

        publisher.publish("orders", event("e-2", "customer-7"));
        awaitSent(1);

        ProducerRecord<byte[], byte[]> record = producer.history().getFirst();
        assertThat(record.topic()).isEqualTo("orders");
        assertThat(record.key()).isEqualTo("customer-7".getBytes(StandardCharsets.UTF_8));
        assertThat(record.value()).isEqualTo("e-2".getBytes(StandardCharsets.UTF_8));
        assertThat(record.headers().lastHeader("ce_id").value()).isEqualTo("e-2".getBytes(StandardCharsets.UTF_8));
        assertThat(record.headers().lastHeader("content-type").value())
                .isEqualTo("text/plain".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void kafkaErrorsFailThePublishWithAReasonTheClientCanActOn() {
        start(settings());
        CompletionStage<Acknowledgement> tooLarge = publisher.publish("t", event("a", null));
        CompletionStage<Acknowledgement> timedOut = publisher.publish("t", event("b", null));
        CompletionStage<Acknowledgement> notAllowed = publisher.publish("t", event("c", null));
        awaitSent(3);

        // The sends run on threads of their own, so the records may reach the producer in any order.
        for (ProducerRecord<byte[], byte[]> record : producer.history()) {
            String id = new String(record.value(), StandardCharsets.UTF_8);
            producer.errorNext(switch (id) {
                case "a" -> new RecordTooLargeException("the record is too large");
                case "b" -> new TimeoutException("Expiring 1 record(s)");
                default -> new TopicAuthorizationException("not authorized to write t");
            });
        }

        assertThat(failureOf(tooLarge).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(failureOf(timedOut).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failureOf(timedOut).getMessage()).contains("retry with the same event id");
        assertThat(failureOf(notAllowed).reason()).isEqualTo(Reason.REJECTED);
        assertThat(registry.get(IngestMetrics.PUBLISH_FAILURES).tag(IngestMetrics.TAG_REASON, "too_large").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void aBatchIsSentInOrderPerTopicAndCompletesWithEveryAcknowledgementInListOrderOnlyAfterTheLast()
            throws Exception {
        start(settings());

        CompletableFuture<List<Acknowledgement>> acks = publisher.publishAll(List.of(
                new TopicEvent("a", event("1", "k")), new TopicEvent("b", event("2", "k")),
                new TopicEvent("a", event("3", "k")))).toCompletableFuture();
        awaitSent(3);

        assertThat(producer.history()).filteredOn(record -> record.topic().equals("a"))
                .extracting(record -> new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .containsExactly("1", "3");
        producer.completeNext();
        producer.completeNext();
        assertThat(acks).isNotDone();
        producer.completeNext();
        assertThat(acks.get(5, TimeUnit.SECONDS)).containsExactly(new Acknowledgement("a", 0, 0),
                new Acknowledgement("b", 0, 0), new Acknowledgement("a", 0, 1));
    }

    @Test
    void aBatchFailsWhenOneOfItsEventsFails() {
        start(settings());

        CompletionStage<List<Acknowledgement>> acks = publisher.publishAll(List.of(
                new TopicEvent("a", event("1", null)), new TopicEvent("a", event("2", null))));
        awaitSent(2);
        producer.completeNext();
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        assertThat(failureOf(acks).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void whenTheInFlightBudgetIsFullPublishesAreRefusedAtOnceAndNothingIsSentUntilKafkaCatchesUp() throws Exception {
        start(settings().withMaxInFlight(2, 1_024 * 1_024));
        CompletionStage<Acknowledgement> first = publisher.publish("t", event("1", null));
        CompletionStage<Acknowledgement> second = publisher.publish("t", event("2", null));
        awaitSent(2);

        PublishException busy = failureOf(publisher.publish("t", event("3", null)));
        assertThat(busy.reason()).isEqualTo(Reason.BUSY);
        assertThat(busy.reason().retryable()).isTrue();
        assertThat(producer.history()).hasSize(2);
        assertThat(publisher.inFlight().events()).isEqualTo(2);
        assertThat(registry.get(IngestMetrics.PUBLISH_IN_FLIGHT).gauge().value()).isEqualTo(2);

        producer.completeNext();
        assertThat(publisher.inFlight().events()).isEqualTo(1);
        CompletionStage<Acknowledgement> fourth = publisher.publish("t", event("4", null));
        awaitSent(3);
        producer.completeNext();
        producer.completeNext();
        assertThat(List.of(first, second, fourth)).extracting(stage -> stage.toCompletableFuture().get().offset())
                .containsExactlyInAnyOrder(0L, 1L, 2L);
        assertThat(publisher.inFlight()).isEqualTo(new KafkaPublisher.InFlight(0, 0));
    }

    @Test
    void aBatchLargerThanTheWholeBudgetIsTooLargeRatherThanBusy() {
        start(settings().withMaxInFlight(2, 1_024 * 1_024));

        PublishException failure = failureOf(publisher.publishAll(List.of(new TopicEvent("t", event("1", null)),
                new TopicEvent("t", event("2", null)), new TopicEvent("t", event("3", null)))));

        assertThat(failure.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(failure.reason().retryable()).isFalse();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void withoutAnAcknowledgementWithinTheDeliveryTimeoutThePublishFailsAsUnavailable() {
        start(settings().withDeliveryTimeout(Duration.ofMillis(500)));

        CompletionStage<Acknowledgement> ack = publisher.publish("t", event("slow", null));
        awaitSent(1);

        PublishException failure = failureOf(ack);
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("500 ms", "may or may not be written");
        assertThat(publisher.inFlight().events()).as("the producer still holds the record").isEqualTo(1);
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        assertThat(publisher.inFlight().events()).isZero();
    }

    @Test
    void recordsOfAPublishThatTimedOutBeforeTheyReachedTheProducerAreNotSent() {
        CountDownLatch metadataArrives = new CountDownLatch(1);
        MockProducer<byte[], byte[]> slowMetadata =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record,
                                                                    Callback callback) {
                        try {
                            // As KafkaProducer.send() waits for a topic's metadata.
                            metadataArrives.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return super.send(record, callback);
                    }
                };
        publisher = KafkaPublisher.start(settings().withDeliveryTimeout(Duration.ofMillis(500)), slowMetadata,
                timeout -> CompletableFuture.completedStage(null), () -> { }, IngestMetrics.noop(), Clock.systemUTC());

        CompletionStage<List<Acknowledgement>> acks = publisher.publishAll(List.of(
                new TopicEvent("t", event("1", null)), new TopicEvent("t", event("2", null))));
        assertThat(failureOf(acks).reason()).isEqualTo(Reason.UNAVAILABLE);
        metadataArrives.countDown();

        await().atMost(WAIT).until(() -> slowMetadata.history().size() == 1);
        assertThat(publisher.inFlight().events()).as("the second record was given back unsent").isEqualTo(1);
        slowMetadata.completeNext();
        assertThat(publisher.inFlight().events()).isZero();
        assertThat(slowMetadata.history()).hasSize(1);
    }

    @Test
    void aClosedPublisherRefusesEvents() {
        start(settings());
        publisher.close();

        assertThat(failureOf(publisher.publish("t", event("late", null))).reason()).isEqualTo(Reason.CLOSED);
        assertThat(publisher.readiness().ready()).isFalse();
    }

    @Test
    void readinessFollowsTheProbe() {
        CompletableFuture<Void> unreachable = CompletableFuture.failedFuture(new TimeoutException("Timed out"));
        AtomicBoolean answer = new AtomicBoolean();
        publisher = KafkaPublisher.start(settings().withReadinessInterval(Duration.ofMillis(100)), producer,
                timeout -> answer.get() ? CompletableFuture.completedStage(null) : unreachable, () -> { },
                IngestMetrics.create(registry), Clock.systemUTC());

        await().atMost(WAIT).until(() -> publisher.readiness().detail().contains("unreachable since"));
        assertThat(publisher.readiness().ready()).isFalse();
        assertThat(registry.get(IngestMetrics.KAFKA_REACHABLE).gauge().value()).isZero();
        answer.set(true);
        await().atMost(WAIT).until(() -> publisher.readiness().ready());
        assertThat(registry.get(IngestMetrics.KAFKA_REACHABLE).gauge().value()).isOne();
    }
}
