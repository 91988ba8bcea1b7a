package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.Readiness;
import dev.tributary.ingest.publish.TopicEvent;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A publisher that holds every publish until the test completes it, in whatever order the test likes. */
final class HoldingPublisher implements Publisher {

    record Held(String topic, CloudEvent event, CompletableFuture<Acknowledgement> result) {

        void acknowledge(long offset) {
            result.complete(new Acknowledgement(topic, 0, offset));
        }
    }

    private final List<Held> held = new CopyOnWriteArrayList<>();

    /** Every publish so far, in the order they were made. */
    List<Held> held() {
        return List.copyOf(held);
    }

    @Override
    public CompletionStage<Acknowledgement> publish(String topic, CloudEvent event) {
        CompletableFuture<Acknowledgement> result = new CompletableFuture<>();
        held.add(new Held(topic, event, result));
        return result;
    }

    @Override
    public CompletionStage<List<Acknowledgement>> publishAll(List<TopicEvent> events) {
        throw new UnsupportedOperationException("the MQTT adapters publish one event at a time");
    }

    @Override
    public Readiness readiness() {
        return new Readiness(true, "holding");
    }

    @Override
    public void close() {
    }
}
