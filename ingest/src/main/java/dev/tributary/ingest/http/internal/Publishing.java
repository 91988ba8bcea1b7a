package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.TopicEvent;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Hands a request's events to the publisher and turns the outcome into the answer, timing and counting it. */
public final class Publishing {

    private final Publisher publisher;
    private final PublishReplies replies;

    public Publishing(Publisher publisher, PublishReplies replies) {
        this.publisher = publisher;
        this.replies = replies;
    }

    /** Publishes one event: 202 with its acknowledgement once Kafka has it. */
    public CompletionStage<Reply> one(IngestMetrics.HttpRouteMeters meters, TopicEvent event) {
        return publish(meters, List.of(event), acks -> replies.accepted(acks.getFirst()));
    }

    /** Publishes events as one unit: 202 with every acknowledgement once Kafka has them all. */
    public CompletionStage<Reply> all(IngestMetrics.HttpRouteMeters meters, List<TopicEvent> events) {
        return publish(meters, events, replies::accepted);
    }

    private CompletionStage<Reply> publish(IngestMetrics.HttpRouteMeters meters, List<TopicEvent> events,
                                           Function<List<Acknowledgement>, Reply> success) {
        Timer.Sample sample = meters.startPublish();
        CompletionStage<List<Acknowledgement>> acks;
        try {
            acks = publisher.publishAll(events);
        } catch (RuntimeException e) {
            acks = CompletableFuture.failedStage(e);
        }
        return acks.handle((acknowledged, error) -> {
            meters.publishEnded(sample);
            if (error != null) {
                return replies.failed(error);
            }
            meters.accepted(acknowledged.size());
            return success.apply(acknowledged);
        });
    }
}
