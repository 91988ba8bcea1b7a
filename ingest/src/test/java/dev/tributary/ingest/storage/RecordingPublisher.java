package dev.tributary.ingest.storage;

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
 * A publisher without Kafka: acknowledges every publish at once with increasing offsets, or fails every publish with
 * a chosen reason until told otherwise. Remembers what it acknowledged, in order.
 */
public final class RecordingPublisher implements Publisher {

    private final List<TopicEvent> published = new CopyOnWriteArrayList<>();
    private volatile PublishException failure;
    private long nextOffset;

    /** From now on every publish fails with {@code reason}. */
    public RecordingPublisher failWith(PublishException.Reason reason) {
        this.failure = new PublishException(reason, "failing as the test asked: " + reason);
        return this;
    }

    /** From now on publishes succeed again. */
    public RecordingPublisher recover() {
        this.failure = null;
        return this;
    }

    public List<TopicEvent> published() {
        return List.copyOf(published);
    }

    public List<CloudEvent> events() {
        return published.stream().map(TopicEvent::event).toList();
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
        return new Readiness(true, "no Kafka: a test publisher");
    }

    @Override
    public void close() {
    }
}
