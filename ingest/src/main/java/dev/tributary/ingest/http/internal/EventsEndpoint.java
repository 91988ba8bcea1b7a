package dev.tributary.ingest.http.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.TopicEvent;
import io.cloudevents.CloudEvent;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /events}: CloudEvents in binary, structured or batch mode, each routed to its topic by its attributes.
 *
 * <p>A batch is all or nothing: every event is read, keyed and routed before anything is published; one invalid
 * event rejects the whole batch with 400 and a result per event, and nothing of it reaches Kafka. A valid batch is
 * published as one unit and answered 202 only once Kafka has acknowledged every event.
 */
public final class EventsEndpoint implements Endpoint {

    /** How a request carries its events. */
    enum Mode { BINARY, STRUCTURED, BATCH }

    private final IngestMetrics.HttpRouteMeters meters;
    private final ApiKeyAuthenticator authenticator;
    private final CloudEventReader reader;
    private final EventData data;
    private final EventRouter router;
    private final Publishing publishing;

    public EventsEndpoint(IngestMetrics.HttpRouteMeters meters, ApiKeyAuthenticator authenticator,
                          CloudEventReader reader, EventData data, EventRouter router, Publishing publishing) {
        this.meters = meters;
        this.authenticator = authenticator;
        this.reader = reader;
        this.data = data;
        this.router = router;
        this.publishing = publishing;
    }

    @Override
    public IngestMetrics.HttpRouteMeters meters() {
        return meters;
    }

    @Override
    public BodyConsumer open(MultiMap headers) {
        Caller caller = authenticator.authenticate(headers);
        String contentType = headers.get("Content-Type");
        Mode mode = modeOf(contentType, headers);
        TraceContext trace = TraceContext.of(headers);
        return body -> switch (mode) {
            case BINARY -> single(caller, trace.applyTo(reader.binary(headers, body)));
            case STRUCTURED -> single(caller, trace.applyTo(reader.structured(contentType, body)));
            case BATCH -> batch(caller, reader.batch(body), trace);
        };
    }

    /** The content mode, by the HTTP binding's rules: the media type first, then {@code ce-} headers. */
    static Mode modeOf(String contentType, MultiMap headers) {
        String essence = MediaTypes.essence(contentType);
        if (essence.equals(MediaTypes.STRUCTURED) || essence.equals(MediaTypes.BATCH)) {
            requireUtf8(contentType);
            return essence.equals(MediaTypes.STRUCTURED) ? Mode.STRUCTURED : Mode.BATCH;
        }
        if (essence.startsWith(MediaTypes.CLOUDEVENTS_PREFIX)) {
            throw RequestRejected.of(415, "Content-Type " + essence + " is an event format this endpoint does not "
                    + "read; send " + MediaTypes.STRUCTURED + ", " + MediaTypes.BATCH + ", or one event in binary "
                    + "mode (ce- headers)");
        }
        if (CloudEventReader.hasCloudEventsHeaders(headers)) {
            return Mode.BINARY;
        }
        throw RequestRejected.of(415, "the request is not a CloudEvent: " + (contentType == null ? "no Content-Type"
                : "Content-Type " + essence) + " and no ce- headers; send " + MediaTypes.STRUCTURED + ", "
                + MediaTypes.BATCH + ", or binary mode with ce-specversion, ce-id, ce-source and ce-type headers "
                + "(to post plain data, use /topics/{topic})");
    }

    private static void requireUtf8(String contentType) {
        int charset = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (charset < 0) {
            return;
        }
        String value = contentType.substring(charset + "charset=".length()).split(";")[0].trim().replace("\"", "");
        if (!value.equalsIgnoreCase("utf-8")) {
            throw RequestRejected.of(415, "charset " + value + " is not supported; CloudEvents in JSON are UTF-8");
        }
    }

    private CompletionStage<Reply> single(Caller caller, CloudEvent read) {
        CloudEvent event = data.checkAndKey(read, "");
        String topic = router.topicFor(event);
        if (!caller.mayWrite(topic)) {
            throw forbidden(caller, Set.of(topic));
        }
        return publishing.one(meters, new TopicEvent(topic, event));
    }

    private CompletionStage<Reply> batch(Caller caller, List<CloudEventReader.BatchEntry> entries, TraceContext trace) {
        List<TopicEvent> events = new ArrayList<>(entries.size());
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        int invalid = 0;
        for (CloudEventReader.BatchEntry entry : entries) {
            ObjectNode result = results.addObject().put("index", entry.index());
            entry.id().ifPresent(id -> result.put("id", id));
            try {
                if (entry.problem().isPresent()) {
                    throw entry.problem().get();
                }
                CloudEvent read = trace.applyTo(entry.event().orElseThrow());
                String where = "event [" + entry.index() + "]: ";
                CloudEvent event = data.checkAndKey(read, where);
                String topic = router.topicFor(event);
                events.add(new TopicEvent(topic, event));
                result.put("status", "valid").put("topic", topic);
            } catch (InvalidEventException e) {
                invalid++;
                result.put("status", "invalid").put("error", e.getMessage());
                e.attribute().ifPresent(attribute -> result.put("attribute", attribute));
            }
        }
        if (invalid > 0) {
            ObjectNode body = Reply.errorBody(invalid + " of " + entries.size() + " events in the batch are invalid, "
                    + "so none was published; fix them and send the batch again");
            body.set("events", results);
            return CompletableFuture.completedStage(Reply.json(400, body));
        }
        Set<String> forbidden = new LinkedHashSet<>();
        events.stream().map(TopicEvent::topic).filter(topic -> !caller.mayWrite(topic)).forEach(forbidden::add);
        if (!forbidden.isEmpty()) {
            throw forbidden(caller, forbidden);
        }
        return publishing.all(meters, events);
    }

    private static RequestRejected forbidden(Caller caller, Set<String> topics) {
        return RequestRejected.of(403, "API key " + caller.name() + " may not write topic" + (topics.size() == 1
                ? " " + topics.iterator().next() : "s " + topics) + ", where the event" + (topics.size() == 1 ? " is"
                : "s are") + " routed; nothing was published; use a key for that topic");
    }
}
