package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.Readiness;
import dev.tributary.ingest.publish.TopicEvent;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A publisher whose publishes never complete, as one stuck on a Kafka that never answers; counts them. */
final class NeverPublisher implements Publisher {

    private final AtomicInteger received = new AtomicInteger();

    int received() {
        return received.get();
    }

    @Override
    public CompletionStage<Acknowledgement> publish(String topic, CloudEvent event) {
        received.incrementAndGet();
        return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<List<Acknowledgement>> publishAll(List<TopicEvent> events) {
        received.addAndGet(events.size());
        return new CompletableFuture<>();
    }

    @Override
    public Readiness readiness() {
        return new Readiness(true, "never answers");
    }

    @Override
    public void close() {
    }
}
