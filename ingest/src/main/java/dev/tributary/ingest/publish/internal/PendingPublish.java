package dev.tributary.ingest.publish.internal;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One publish of one or more events on its way to Kafka:
 * <pre>
 *   sending --(every record acknowledged)--> acknowledged
 *      \----(a record failed, or the deadline passed)--> failed
 * </pre>
 * The first outcome wins; later ones change nothing. Thread-safe: acknowledgements arrive on the producer's I/O
 * thread, the deadline on a timer thread.
 */
public final class PendingPublish {

    private final Acknowledgement[] acknowledgements;
    private final AtomicInteger unacknowledged;
    private final CompletableFuture<List<Acknowledgement>> result = new CompletableFuture<>();

    public PendingPublish(int events) {
        this.acknowledgements = new Acknowledgement[events];
        this.unacknowledged = new AtomicInteger(events);
    }

    /** Record {@code index} is acknowledged; the publish completes with the last acknowledgement. */
    public void acknowledged(int index, RecordMetadata metadata) {
        acknowledgements[index] = new Acknowledgement(metadata.topic(), metadata.partition(), metadata.offset());
        // The decrement publishes the array write above to whichever thread completes the publish.
        if (unacknowledged.decrementAndGet() == 0) {
            result.complete(List.copyOf(Arrays.asList(acknowledgements)));
        }
    }

    /** The publish failed; a no-op once it has an outcome. */
    public void failed(PublishException failure) {
        result.completeExceptionally(failure);
    }

    /** Whether the publish has its outcome, so that records not sent yet need not be. */
    public boolean isDone() {
        return result.isDone();
    }

    /** The outcome, as a stage its callers cannot complete themselves. */
    public CompletionStage<List<Acknowledgement>> outcome() {
        return result.minimalCompletionStage();
    }

    /** Runs {@code action} once the publish has its outcome, whatever it is. */
    public void whenDone(Runnable action) {
        result.whenComplete((acks, error) -> action.run());
    }
}
