package dev.tributary.ingest.testing;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.Readiness;
import dev.tributary.ingest.publish.TopicEvent;
import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A publisher without Kafka, for unit tests: acknowledges every publish at once with increasing offsets on
 * partition 0, or fails every publish with a chosen reason. Remembers what it acknowledged.
 */
public final class FakePublisher implements Publisher {

    private final List<TopicEvent> published = new CopyOnWriteArrayList<>();
    private volatile PublishException failure;
    private volatile Readiness readiness = new Readiness(true, "kafka reachable");
    private long nextOffset;

    /** From now on every publish fails with {@code reason}. */
    public FakePublisher failWith(PublishException.Reason reason) {
        this.failure = new PublishException(reason, "failing as the test asked: " + reason);
        return this;
    }

    public FakePublisher readiness(boolean ready) {
        this.readiness = new Readiness(ready, ready ? "kafka reachable" : "kafka unreachable since test start");
        return this;
    }

    /** Every event acknowledged so far, in order. */
    public List<TopicEvent> published() {
        return List.copyOf(published);
    }

    @Override
    public CompletionStage<Acknowledgement> publish(String topic, CloudEvent event) {
        return publishAll(List.of(new TopicEvent(topic, event))).thenApply(List::getFirst);
    }

    @Override
    public synchronized CompletionStage<List<Acknowledgement>> publishAll(List<TopicEvent> events) {
        if (failure != null) {
            return CompletableFuture.failedStage(failure);
        }
        List<Acknowledgement> acks = new ArrayList<>();
        for (TopicEvent event : events) {
            published.add(event);
            acks.add(new Acknowledgement(event.topic(), 0, nextOffset++));
        }
        return CompletableFuture.completedStage(acks);
    }

    @Override
    public Readiness readiness() {
        return readiness;
    }

    @Override
    public void close() {
    }
}
