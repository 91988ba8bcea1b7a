package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.Readiness;
import dev.tributary.ingest.publish.TopicEvent;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A publisher that has no room: every publish fails at once as {@link PublishException.Reason#BUSY}. */
final class RefusingPublisher implements Publisher {

    private final AtomicInteger refused = new AtomicInteger();

    int refused() {
        return refused.get();
    }

    @Override
    public CompletionStage<Acknowledgement> publish(String topic, CloudEvent event) {
        refused.incrementAndGet();
        return CompletableFuture.failedStage(new PublishException(PublishException.Reason.BUSY, "no room, as the "
                + "test asked"));
    }

    @Override
    public CompletionStage<List<Acknowledgement>> publishAll(List<TopicEvent> events) {
        refused.addAndGet(events.size());
        return CompletableFuture.failedStage(new PublishException(PublishException.Reason.BUSY, "no room"));
    }

    @Override
    public Readiness readiness() {
        return new Readiness(false, "busy");
    }

    @Override
    public void close() {
    }
}
