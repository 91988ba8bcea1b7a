package dev.tributary.ingest.http.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to a publish: 202 with where Kafka stored the events, or the status that tells the client what to
 * do about a failure.
 *
 * <table>
 *   <caption>Publish failures as HTTP statuses</caption>
 *   <tr><th>reason</th><th>status</th></tr>
 *   <tr><td>BUSY, UNAVAILABLE, CLOSED</td><td>503 with {@code Retry-After}</td></tr>
 *   <tr><td>TOO_LARGE</td><td>413</td></tr>
 *   <tr><td>INVALID</td><td>400</td></tr>
 *   <tr><td>REJECTED, or anything unforeseen</td><td>500: the cluster or the adapter is at fault, not the client</td></tr>
 * </table>
 */
public final class PublishReplies {

    private static final Logger LOG = LoggerFactory.getLogger(PublishReplies.class);

    private final String retryAfterSeconds;

    public PublishReplies(Duration retryAfter) {
        long seconds = (retryAfter.toMillis() + 999) / 1_000;
        this.retryAfterSeconds = Long.toString(Math.max(1, seconds));
    }

    /** 202 with {@code {"topic","partition","offset"}}. */
    public Reply accepted(Acknowledgement ack) {
        return Reply.json(202, json(ack));
    }

    /** 202 with one {@code {"topic","partition","offset"}} per event, in the batch's order. */
    public Reply accepted(List<Acknowledgement> acks) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        acks.forEach(ack -> list.add(json(ack)));
        return Reply.json(202, list);
    }

    /** 503 with {@code Retry-After}, for refusals that come before the publisher is even asked. */
    public Reply unavailable(String message) {
        return Reply.error(503, message).withHeader("Retry-After", retryAfterSeconds);
    }

    /** The answer to a failed publish. */
    public Reply failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof PublishException failure)) {
            LOG.error("publishing failed unexpectedly", cause);
            return Reply.error(500, "the event could not be published because of an error in the adapter; it is "
                    + "logged there, retry later");
        }
        ObjectNode body = Reply.errorBody(failure.getMessage()).put("reason", failure.reason().name());
        return switch (failure.reason()) {
            case BUSY, UNAVAILABLE, CLOSED -> Reply.json(503, body).withHeader("Retry-After", retryAfterSeconds);
            case TOO_LARGE -> Reply.json(413, body);
            case INVALID -> Reply.json(400, body);
            case REJECTED -> {
                LOG.error("Kafka refused a write: {}", failure.getMessage());
                yield Reply.json(500, body);
            }
        };
    }

    private static ObjectNode json(Acknowledgement ack) {
        return JsonNodeFactory.instance.objectNode()
                .put("topic", ack.topic()).put("partition", ack.partition()).put("offset", ack.offset());
    }
}
