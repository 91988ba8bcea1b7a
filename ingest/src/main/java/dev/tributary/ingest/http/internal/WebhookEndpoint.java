package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.http.WebhookRoute;
import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.TopicEvent;
import io.cloudevents.CloudEvent;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.util.Optional;

/**
 * {@code POST /webhooks/{name}}: a signed request from a known sender, wrapped as a CloudEvent of the webhook's
 * type with source {@code /tributary/http/webhooks/{name}}. The signature is checked over the exact body bytes
 * before anything else is done with them; a request without a valid one is 401 and never published. API keys play
 * no part: the signature is the sender's credential.
 */
public final class WebhookEndpoint implements Endpoint {

    private final WebhookRoute route;
    private final URI source;
    private final IngestMetrics.HttpRouteMeters meters;
    private final SignatureVerifier verifier;
    private final RawEvents raw;
    private final EventData data;
    private final Publishing publishing;

    public WebhookEndpoint(WebhookRoute route, IngestMetrics.HttpRouteMeters meters, RawEvents raw,
                           Publishing publishing) {
        this.route = route;
        this.source = URI.create("/tributary/http/webhooks/" + route.name());
        this.meters = meters;
        this.verifier = new SignatureVerifier(route.signature());
        this.raw = raw;
        this.data = new EventData(route.keyPointer());
        this.publishing = publishing;
    }

    @Override
    public IngestMetrics.HttpRouteMeters meters() {
        return meters;
    }

    @Override
    public BodyConsumer open(MultiMap headers) {
        if (headers.get(route.signature().header()) == null) {
            // Refused before the body is read: an unsigned request can never be accepted.
            verifier.verify(headers, new byte[0]);
        }
        return body -> {
            verifier.verify(headers, body);
            String id = route.idHeader().map(headers::get).filter(value -> !value.isBlank())
                    .map(value -> RawEvents.headerText(route.idHeader().get(), value, "id"))
                    .orElseGet(RawEvents::newId);
            CloudEvent event = raw.wrap(id, source, route.eventType(), headers.get("Content-Type"), body,
                    Optional.empty());
            return publishing.one(meters, new TopicEvent(route.topic(), data.checkAndKey(event, "")));
        };
    }
}
