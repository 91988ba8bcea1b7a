package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.TopicEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.util.Optional;

/**
 * {@code POST /topics/{topic}} for one configured topic: any body, JSON or bytes, wrapped as a CloudEvent with a
 * fresh id, source {@code /tributary/http/topics/{topic}}, the type from {@code X-Event-Type} (else
 * {@value #DEFAULT_TYPE}) and the key from {@code X-Partition-Key} (else the configured key pointer).
 */
public final class TopicEndpoint implements Endpoint {

    public static final String DEFAULT_TYPE = "dev.tributary.http.raw";
    static final String EVENT_TYPE_HEADER = "X-Event-Type";
    static final String PARTITION_KEY_HEADER = "X-Partition-Key";

    private final String topic;
    private final URI source;
    private final IngestMetrics.HttpRouteMeters meters;
    private final ApiKeyAuthenticator authenticator;
    private final RawEvents raw;
    private final EventData data;
    private final Publishing publishing;

    public TopicEndpoint(String topic, IngestMetrics.HttpRouteMeters meters, ApiKeyAuthenticator authenticator,
                         RawEvents raw, EventData data, Publishing publishing) {
        this.topic = topic;
        this.source = URI.create("/tributary/http/topics/" + topic);
        this.meters = meters;
        this.authenticator = authenticator;
        this.raw = raw;
        this.data = data;
        this.publishing = publishing;
    }

    @Override
    public IngestMetrics.HttpRouteMeters meters() {
        return meters;
    }

    @Override
    public BodyConsumer open(MultiMap headers) {
        Caller caller = authenticator.authenticate(headers);
        if (!caller.mayWrite(topic)) {
            throw RequestRejected.of(403, "API key " + caller.name() + " may not write topic " + topic
                    + "; use a key for that topic");
        }
        return body -> {
            String type = Optional.ofNullable(headers.get(EVENT_TYPE_HEADER))
                    .map(value -> RawEvents.headerText(EVENT_TYPE_HEADER, value, "type"))
                    .orElse(DEFAULT_TYPE);
            Optional<String> key = Optional.ofNullable(headers.get(PARTITION_KEY_HEADER))
                    .map(value -> RawEvents.headerText(PARTITION_KEY_HEADER, value, KafkaEventCodec.PARTITION_KEY));
            CloudEvent event = raw.wrap(RawEvents.newId(), source, type, headers.get("Content-Type"), body, key);
            return publishing.one(meters, new TopicEvent(topic, data.checkAndKey(event, "")));
        };
    }
}
