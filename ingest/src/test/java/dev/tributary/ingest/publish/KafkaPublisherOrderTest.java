package dev.tributary.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.PublishException.Reason;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Order and the caller's thread: publishes reach the producer in the order they were made, several of one key may be
 * in flight, one failing among them fails alone, and a {@code send()} that blocks never holds up the caller.
 */
class KafkaPublisherOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private KafkaPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void publishesOfOneKeyInFlightTogetherReachTheProducerInTheOrderTheyWereMade() throws Exception {
        MockProducer<byte[], byte[]> producer = mockProducer();
        start(producer);
        int events = 500;

        List<CompletableFuture<Acknowledgement>> acks = IntStream.range(0, events)
                .mapToObj(n -> publisher.publish("t", event(Integer.toString(n), "device-1")).toCompletableFuture())
                .toList();
        await().atMost(WAIT).until(() -> producer.history().size() == events);

        assertThat(producer.history()).extracting(KafkaPublisherOrderTest::id)
                .containsExactlyElementsOf(IntStream.range(0, events).mapToObj(Integer::toString).toList());
        assertThat(acks).as("all in flight at once").noneMatch(CompletableFuture::isDone);
        while (producer.completeNext()) {
            // Kafka acknowledges them in the order it received them.
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(acks).extracting(ack -> ack.join().offset())
                .containsExactlyElementsOf(IntStream.range(0, events).mapToObj(Long::valueOf).toList());
    }

    @Test
    void aPublishThatFailsWithLaterOnesInFlightFailsAloneAndTheLaterOnesAreAcknowledged() throws Exception {
        MockProducer<byte[], byte[]> producer = mockProducer();
        start(producer);

        List<CompletableFuture<Acknowledgement>> acks = new ArrayList<>();
        for (String id : List.of("1", "2", "3")) {
            acks.add(publisher.publish("t", event(id, "device-1")).toCompletableFuture());
        }
        await().atMost(WAIT).until(() -> producer.history().size() == 3);
        producer.completeNext();
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        producer.completeNext();

        assertThat(acks.get(0).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).offset()).isZero();
        assertThat(failureOf(acks.get(1)).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(acks.get(2).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).offset()).isEqualTo(2);
        assertThat(publisher.inFlight()).isEqualTo(new KafkaPublisher.InFlight(0, 0));
    }

    @Test
    void aSendThatBlocksRunsOffTheCallersThreadAndNeverHoldsItUp() throws Exception {
        BlockingProducer producer = new BlockingProducer("t");
        start(producer);

        CompletionStage<Acknowledgement> ack = assertTimeoutPreemptively(WAIT,
                () -> publisher.publish("t", event("1", "device-1")), "publish() waited for a blocked send()");
        producer.sendEntered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(producer.sendThread).isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(ack.toCompletableFuture()).isNotDone();
        producer.metadataArrives.countDown();
        await().atMost(WAIT).until(() -> producer.history().size() == 1);
        producer.completeNext();
        assertThat(ack.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).topic()).isEqualTo("t");
    }

    @Test
    void aTopicWhoseSendBlocksHoldsUpNoOtherTopic() throws Exception {
        BlockingProducer producer = new BlockingProducer("no-metadata");
        start(producer);

        CompletableFuture<Acknowledgement> stuck = publisher.publish("no-metadata", event("1", "k"))
                .toCompletableFuture();
        producer.sendEntered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<Acknowledgement> free = publisher.publish("other", event("2", "k")).toCompletableFuture();
        await().atMost(WAIT).until(() -> producer.history().size() == 1);
        producer.completeNext();

        assertThat(free.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).topic()).isEqualTo("other");
        assertThat(stuck).isNotDone();
        producer.metadataArrives.countDown();
        await().atMost(WAIT).until(() -> producer.history().size() == 2);
        producer.completeNext();
        assertThat(stuck.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).topic()).isEqualTo("no-metadata");
    }

    private void start(MockProducer<byte[], byte[]> producer) {
        publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers("127.0.0.1:9")
                        .withDeliveryTimeout(Duration.ofSeconds(30)), producer,
                timeout -> CompletableFuture.completedStage(null), () -> { }, IngestMetrics.noop(), Clock.systemUTC());
    }

    private static MockProducer<byte[], byte[]> mockProducer() {
        return new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static CloudEvent event(String id, String key) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/test")).withType("com.example.test")
                .withExtension("partitionkey", key).build();
    }

    private static String id(ProducerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private static PublishException failureOf(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(PublishException.class);
        return (PublishException) thrown.getCause();
    }

    /**
     * A producer whose {@code send()} to one topic blocks until the test lets it go, as {@code KafkaProducer.send()}
     * waits for a topic's metadata; remembers the thread that called it.
     */
    private static final class BlockingProducer extends MockProducer<byte[], byte[]> {

        private final String blockedTopic;
        private final CountDownLatch sendEntered = new CountDownLatch(1);
        private final CountDownLatch metadataArrives = new CountDownLatch(1);
        private volatile Thread sendThread;

        private BlockingProducer(String blockedTopic) {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.blockedTopic = blockedTopic;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (record.topic().equals(blockedTopic)) {
                sendThread = Thread.currentThread();
                sendEntered.countDown();
                try {
                    metadataArrives.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.send(record, callback);
        }
    }
}
