package dev.tributary.ingest.http.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.Readiness;
import io.vertx.core.MultiMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what to do with a request from its method, path and headers, before its body is read: answer it at once
 * (health, 404, 405, 401, 403, 415), or read the body and hand it to an endpoint. Knows nothing of Vert.x's server,
 * so that every decision can be tested without a socket.
 *
 * <p>Checks run in this order, each answering with the first problem found: the path (404), the method (405), the
 * API key (401), the topic (404 on {@code /topics}, 403), the content type (415); then, with the body, its size
 * (413), its content (400) and Kafka (202 or 503). A request without a valid key learns nothing about which topics
 * exist.
 */
public final class RequestRouter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRouter.class);

    private static final String TOPICS = "/topics/";
    private static final String WEBHOOKS = "/webhooks/";
    private static final int MAX_ECHOED_PATH = 100;

    /** What to do with a request. */
    public sealed interface Admission {
        /** The meters of the route the request is counted under. */
        IngestMetrics.HttpRouteMeters meters();
    }

    /** Answer now, without reading the body. */
    public record Answer(IngestMetrics.HttpRouteMeters meters, Reply reply) implements Admission {
    }

    /** Read the body, then let {@code consumer} answer. */
    public record ReadBody(IngestMetrics.HttpRouteMeters meters, BodyConsumer consumer) implements Admission {

        /** The endpoint's answer to the body; refusals thrown while it reads the body become their answers. */
        public CompletionStage<Reply> answer(byte[] body) {
            try {
                return consumer.accept(body).exceptionally(error -> {
                    LOG.error("an endpoint failed unexpectedly", error);
                    return internalError();
                });
            } catch (RequestRejected e) {
                return CompletableFuture.completedStage(e.reply());
            } catch (InvalidEventException e) {
                return CompletableFuture.completedStage(EventReplies.invalid(e));
            } catch (RuntimeException e) {
                LOG.error("an endpoint failed unexpectedly", e);
                return CompletableFuture.completedStage(internalError());
            }
        }
    }

    /** The answer when the adapter itself failed: never for anything a client sent. */
    static Reply internalError() {
        return Reply.error(500, "the adapter failed on this request; it is logged there, retry later");
    }

    private final Endpoint events;
    private final Map<String, Endpoint> topics;
    private final Map<String, Endpoint> webhooks;
    private final Map<String, Endpoint> mounted;
    private final ApiKeyAuthenticator authenticator;
    private final Supplier<Readiness> readiness;
    private final IngestMetrics.HttpRouteMeters unmatched;
    private final IngestMetrics.HttpRouteMeters live;
    private final IngestMetrics.HttpRouteMeters ready;

    /**
     * @param topics    the endpoint of each topic open to {@code POST /topics/{topic}}, by topic
     * @param webhooks  the endpoint of each webhook, by name
     * @param mounted   other adapters' endpoints, by exact path
     * @param readiness whether the adapter can take events now
     */
    public RequestRouter(Endpoint events, Map<String, Endpoint> topics, Map<String, Endpoint> webhooks,
                         Map<String, Endpoint> mounted, ApiKeyAuthenticator authenticator,
                         Supplier<Readiness> readiness, IngestMetrics metrics) {
        this.events = events;
        this.topics = Map.copyOf(topics);
        this.webhooks = Map.copyOf(webhooks);
        this.mounted = Map.copyOf(mounted);
        this.authenticator = authenticator;
        this.readiness = readiness;
        this.unmatched = metrics.httpRoute(IngestMetrics.UNMATCHED_ROUTE);
        this.live = metrics.httpRoute("/health/live");
        this.ready = metrics.httpRoute("/health/ready");
    }

    /**
     * @param method the request method, such as {@code POST}
     * @param path   the request path without the query
     */
    public Admission admit(String method, String path, MultiMap headers) {
        if (path.equals("/health/live")) {
            return get(method, live, () -> status(200, "UP", "the adapter answers"));
        }
        if (path.equals("/health/ready")) {
            return get(method, ready, this::readiness);
        }
        if (path.equals("/events")) {
            return post(method, events, headers);
        }
        if (path.startsWith(TOPICS) && topics.containsKey(path.substring(TOPICS.length()))) {
            return post(method, topics.get(path.substring(TOPICS.length())), headers);
        }
        if (path.startsWith(TOPICS) && method.equals("POST")) {
            return unknownTopic(path.substring(TOPICS.length()), headers);
        }
        if (path.startsWith(WEBHOOKS) && webhooks.containsKey(path.substring(WEBHOOKS.length()))) {
            return post(method, webhooks.get(path.substring(WEBHOOKS.length())), headers);
        }
        if (mounted.containsKey(path)) {
            return post(method, mounted.get(path), headers);
        }
        return new Answer(unmatched, Reply.error(404, "nothing is served at " + echo(path) + "; events go to "
                + "POST /events, /topics/{topic} or /webhooks/{name}"));
    }

    /** The answer when checking a request failed in the adapter itself. */
    public Answer failed() {
        return new Answer(unmatched, internalError());
    }

    private static Admission get(String method, IngestMetrics.HttpRouteMeters meters, Supplier<Reply> reply) {
        if (!method.equals("GET")) {
            return new Answer(meters, Reply.error(405, method + " is not allowed here; use GET")
                    .withHeader("Allow", "GET"));
        }
        return new Answer(meters, reply.get());
    }

    private static Admission post(String method, Endpoint endpoint, MultiMap headers) {
        if (!method.equals("POST")) {
            return new Answer(endpoint.meters(), Reply.error(405, method + " is not allowed here; use POST")
                    .withHeader("Allow", "POST"));
        }
        try {
            return new ReadBody(endpoint.meters(), endpoint.open(headers));
        } catch (RequestRejected e) {
            return new Answer(endpoint.meters(), e.reply());
        } catch (InvalidEventException e) {
            return new Answer(endpoint.meters(), EventReplies.invalid(e));
        }
    }

    private Admission unknownTopic(String topic, MultiMap headers) {
        try {
            authenticator.authenticate(headers);
        } catch (RequestRejected e) {
            return new Answer(unmatched, e.reply());
        }
        return new Answer(unmatched, Reply.error(404, "topic " + echo(topic) + " is not open to POST /topics/{topic}; "
                + "an operator lists the open topics in the ingest configuration"));
    }

    private Reply readiness() {
        Readiness now = readiness.get();
        return now.ready() ? status(200, "UP", now.detail()) : status(503, "DOWN", now.detail());
    }

    private static Reply status(int code, String status, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", status).put("detail", detail);
        return Reply.json(code, body);
    }

    private static String echo(String text) {
        return text.length() <= MAX_ECHOED_PATH ? text : text.substring(0, MAX_ECHOED_PATH) + "...";
    }
}
