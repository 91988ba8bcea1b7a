package dev.tributary.ingest.storage.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.storage.WebhookReply;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answers of a storage webhook (see {@link WebhookReply} for the table). Thread-safe. */
public final class WebhookReplies {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReplies.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final String retryAfterSeconds;

    public WebhookReplies(Duration retryAfter) {
        this.retryAfterSeconds = Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1_000));
    }

    /** 202: everything to publish is on Kafka. */
    public WebhookReply accepted(int published, int duplicates, int ignored) {
        return reply(202, Map.of(), mapper.createObjectNode().put("published", published)
                .put("duplicates", duplicates).put("ignored", ignored));
    }

    /** 400 naming the field at fault. */
    public WebhookReply malformed(MalformedNotificationException e) {
        return reply(400, Map.of(), error(e.getMessage()).put("field", e.field()));
    }

    /** 500 when the route is mounted without a body handler: the adapter's wiring is at fault, not the store. */
    public WebhookReply noBody() {
        LOG.error("a storage webhook route has no body to read: mount a BodyHandler before it");
        return reply(500, Map.of(), error("the server is misconfigured and could not read the body; it is logged "
                + "there"));
    }

    /** The answer to a failed publish: what the store should do about it. */
    public WebhookReply failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof PublishException failure)) {
            LOG.error("publishing storage notifications failed unexpectedly", cause);
            return reply(500, Map.of(), error("the notification could not be published because of an error in the "
                    + "adapter; it is logged there, deliver it again later"));
        }
        ObjectNode body = error(failure.getMessage()).put("reason", failure.reason().name());
        return switch (failure.reason()) {
            case BUSY, UNAVAILABLE, CLOSED -> reply(503, Map.of("Retry-After", retryAfterSeconds), body);
            case TOO_LARGE -> reply(413, Map.of(), body);
            case INVALID -> reply(400, Map.of(), body);
            case REJECTED -> {
                LOG.error("Kafka refused storage events: {}", failure.getMessage());
                yield reply(500, Map.of(), body);
            }
        };
    }

    private ObjectNode error(String message) {
        return mapper.createObjectNode().put("error", message);
    }

    private WebhookReply reply(int status, Map<String, String> headers, ObjectNode body) {
        try {
            return new WebhookReply(status, headers, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers cannot fail to serialize", e);
        }
    }
}
