package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.Publisher;
import io.cloudevents.CloudEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes for the bridge, trying again with backoff while the publisher refuses for a reason that may pass (no
 * room, Kafka unreachable). A broker sends an unacknowledged message again only on a new connection, never on the
 * one it went out on, so the bridge keeps the message and retries it itself; the broker's redelivery covers the
 * case where this process dies first. The same event, with the same id, is sent each time, so that a consumer can
 * drop the copy a timed-out but written attempt left. Retries stop when the bridge stops: the stage then fails as
 * {@link PublishException.Reason#CLOSED}. Thread-safe.
 */
public final class RetryingSink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSink.class);

    private final Publisher publisher;
    private final ScheduledExecutorService timer;
    private final Backoff backoff;
    private final BooleanSupplier running;

    public RetryingSink(Publisher publisher, ScheduledExecutorService timer, Backoff backoff, BooleanSupplier running) {
        this.publisher = publisher;
        this.timer = timer;
        this.backoff = backoff;
        this.running = running;
    }

    @Override
    public CompletionStage<Acknowledgement> publish(String topic, CloudEvent event) {
        CompletableFuture<Acknowledgement> done = new CompletableFuture<>();
        attempt(topic, event, 1, done);
        return done;
    }

    private void attempt(String topic, CloudEvent event, int attempt, CompletableFuture<Acknowledgement> done) {
        CompletionStage<Acknowledgement> stage;
        try {
            stage = publisher.publish(topic, event);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedStage(e);
        }
        stage.whenComplete((ack, error) -> {
            if (error == null) {
                done.complete(ack);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (!(cause instanceof PublishException failure) || !failure.reason().retryable()) {
                done.completeExceptionally(cause);
                return;
            }
            if (!running.getAsBoolean()) {
                done.completeExceptionally(new PublishException(PublishException.Reason.CLOSED, "the bridge stopped "
                        + "before Kafka took event " + event.getId() + "; the broker sends it again", failure));
                return;
            }
            long delay = backoff.delay(attempt).toMillis();
            LOG.debug("retrying event {} for topic {} in {} ms (attempt {}): {}", event.getId(), topic, delay,
                    attempt + 1, failure.getMessage());
            try {
                timer.schedule(() -> attempt(topic, event, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                done.completeExceptionally(new PublishException(PublishException.Reason.CLOSED, "the bridge stopped "
                        + "before Kafka took event " + event.getId() + "; the broker sends it again", failure));
            }
        });
    }
}
