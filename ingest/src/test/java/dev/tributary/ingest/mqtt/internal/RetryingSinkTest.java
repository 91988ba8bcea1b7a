package dev.tributary.ingest.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.Readiness;
import dev.tributary.ingest.publish.TopicEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge keeps a message Kafka refused for a while, and tries again, with the same event. */
class RetryingSinkTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CloudEvent event = CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/t"))
            .withType("t").build();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(List.of(1, 2, 3, 4, 10).stream().map(backoff::delay).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 500L, 500L);
    }

    @Test
    void aRefusalThatMayPassIsRetriedWithTheSameEventUntilKafkaTakesIt() {
        FlakyPublisher publisher = new FlakyPublisher(3, PublishException.Reason.BUSY);
        RetryingSink sink = new RetryingSink(publisher, timer, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                running::get);

        CompletionStage<Acknowledgement> result = sink.publish("t", event);

        await().atMost(Duration.ofSeconds(5)).until(() -> result.toCompletableFuture().isDone());
        assertThat(result.toCompletableFuture().join().offset()).isEqualTo(7);
        assertThat(publisher.attempts.get()).isEqualTo(4);
        assertThat(publisher.ids).containsOnly("e-1");
    }

    @Test
    void aRefusalForGoodIsNotRetried() {
        FlakyPublisher publisher = new FlakyPublisher(1, PublishException.Reason.TOO_LARGE);
        RetryingSink sink = new RetryingSink(publisher, timer, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                running::get);

        CompletableFuture<Acknowledgement> result = sink.publish("t", event).toCompletableFuture();

        assertThat(result).isCompletedExceptionally();
        assertThat(publisher.attempts.get()).isEqualTo(1);
    }

    @Test
    void retriesStopWhenTheBridgeStops() {
        FlakyPublisher publisher = new FlakyPublisher(Integer.MAX_VALUE, PublishException.Reason.UNAVAILABLE);
        RetryingSink sink = new RetryingSink(publisher, timer, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                running::get);

        CompletableFuture<Acknowledgement> result = sink.publish("t", event).toCompletableFuture();
        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.attempts.get() >= 3);
        running.set(false);

        await().atMost(Duration.ofSeconds(5)).until(result::isDone);
        assertThat(result).isCompletedExceptionally();
        assertThat(result.exceptionNow()).isInstanceOf(PublishException.class)
                .extracting(e -> ((PublishException) e).reason()).isEqualTo(PublishException.Reason.CLOSED);
    }

    /** Refuses the first {@code failures} publishes, then acknowledges at offset 7. */
    private static final class FlakyPublisher implements Publisher {

        private final int failures;
        private final PublishException.Reason reason;
        private final AtomicInteger attempts = new AtomicInteger();
        private final List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();

        private FlakyPublisher(int failures, PublishException.Reason reason) {
            this.failures = failures;
            this.reason = reason;
        }

        @Override
        public CompletionStage<Acknowledgement> publish(String topic, CloudEvent event) {
            ids.add(event.getId());
            if (attempts.incrementAndGet() <= failures) {
                return CompletableFuture.failedStage(new PublishException(reason, "refused by the test"));
            }
            return CompletableFuture.completedStage(new Acknowledgement(topic, 0, 7));
        }

        @Override
        public CompletionStage<List<Acknowledgement>> publishAll(List<TopicEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Readiness readiness() {
            return new Readiness(true, "test");
        }

        @Override
        public void close() {
        }
    }
}
