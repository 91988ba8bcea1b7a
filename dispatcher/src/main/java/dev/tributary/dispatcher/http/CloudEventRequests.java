package dev.tributary.dispatcher.http;

import dev.tributary.schemas.http.PercentEncoding;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.types.Time;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Builds the request that carries an event to a function: a {@code POST} in the CloudEvents HTTP binding, binary
 * mode. Each attribute and extension goes in a percent-encoded {@code ce-<name>} header, {@code datacontenttype}
 * in {@code Content-Type}, the data as the body. An event with an ordering key but no {@code partitionkey}
 * extension gets {@code ce-partitionkey} from its record key, so the function sees the key either way. Events of
 * spec version 0.3 are sent as 1.0, so a function reads one version only.
 *
 * <p>The event's trace context (the CloudEvents distributed-tracing extension) also goes in the W3C
 * {@code traceparent} and {@code tracestate} headers, where an HTTP server's tracing looks for its parent: a remote
 * function's own spans then join the trace of the invocation.
 */
final class CloudEventRequests {

    static final String ATTEMPT_HEADER = "X-Tributary-Attempt";
    static final String HEADER_PREFIX = "ce-";
    private static final List<String> TRACE_CONTEXT = List.of("traceparent", "tracestate");

    private final URI url;
    private final Duration timeout;
    private final Optional<RequestSigner> signer;

    CloudEventRequests(URI url, Duration timeout, Optional<RequestSigner> signer) {
        this.url = url;
        this.timeout = timeout;
        this.signer = signer;
    }

    HttpRequest build(KafkaEvent input, int attempt) {
        CloudEvent event = input.cloudEvent().getSpecVersion() == SpecVersion.V1
                ? input.cloudEvent() : CloudEventBuilder.v1(input.cloudEvent()).build();
        byte[] body = event.getData() == null ? new byte[0] : event.getData().toBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .POST(body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        attribute(request, "specversion", event.getSpecVersion().toString());
        attribute(request, "id", event.getId());
        attribute(request, "source", event.getSource().toString());
        attribute(request, "type", event.getType());
        if (event.getSubject() != null) {
            attribute(request, "subject", event.getSubject());
        }
        if (event.getTime() != null) {
            attribute(request, "time", Time.writeTime(event.getTime()));
        }
        if (event.getDataSchema() != null) {
            attribute(request, "dataschema", event.getDataSchema().toString());
        }
        for (String name : event.getExtensionNames()) {
            attribute(request, name, text(event.getExtension(name)));
        }
        if (event.getExtension(KafkaEventCodec.PARTITION_KEY) == null) {
            input.key().ifPresent(key -> request.setHeader(HEADER_PREFIX + KafkaEventCodec.PARTITION_KEY,
                    PercentEncoding.encode(key.bytes())));
        }
        for (String name : TRACE_CONTEXT) {
            Object value = event.getExtension(name);
            // Only as it may stand in a header: a malformed trace context must not make the event unsendable.
            if (value != null && text(value).chars().allMatch(c -> c >= ' ' && c < 0x7f)) {
                request.setHeader(name, text(value));
            }
        }
        if (event.getDataContentType() != null) {
            request.setHeader("Content-Type", event.getDataContentType());
        }
        request.setHeader(ATTEMPT_HEADER, Integer.toString(attempt));
        signer.ifPresent(s -> request.setHeader(RequestSigner.HEADER, s.sign(body)));
        return request.build();
    }

    private static void attribute(HttpRequest.Builder request, String name, String value) {
        request.setHeader(HEADER_PREFIX + name, PercentEncoding.encode(value));
    }

    /** An extension value as the binding writes it: strings, integers and booleans as they are, the rest canonical. */
    static String text(Object value) {
        return switch (value) {
            case OffsetDateTime time -> Time.writeTime(time);
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            default -> value.toString();
        };
    }
}
