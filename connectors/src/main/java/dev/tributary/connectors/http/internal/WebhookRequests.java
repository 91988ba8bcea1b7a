package dev.tributary.connectors.http.internal;

import dev.tributary.schemas.http.PercentEncoding;
import dev.tributary.connectors.http.WebhookFormat;
import dev.tributary.connectors.internal.CloudEventJson;
import dev.tributary.connectors.internal.MediaTypes;
import dev.tributary.sdk.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code POST} that delivers an event, in the sink's {@link WebhookFormat}: the configured headers
 * first, then the format's own ({@code Content-Type}, {@code ce-*}), then the signature of the body as sent.
 * Thread-safe.
 */
final class WebhookRequests {

    private static final String HEADER_PREFIX = "ce-";

    private final URI url;
    private final WebhookFormat format;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final Optional<BodySigner> signer;
    private final String signatureHeader;
    private final WebhookFailures failures;
    private final CloudEventJson structured = CloudEventJson.document();

    WebhookRequests(WebhookSettings settings, WebhookFailures failures) {
        this.url = settings.url();
        this.format = settings.format();
        this.timeout = settings.timeout();
        this.headers = settings.headers();
        this.signer = settings.signingSecret().map(BodySigner::new);
        this.signatureHeader = settings.signatureHeader();
        this.failures = failures;
    }

    /** @throws dev.tributary.sdk.NonRetryableException when the event cannot be sent in this format */
    HttpRequest build(Event<byte[]> event) {
        try {
            return assemble(event);
        } catch (IllegalArgumentException e) {
            // The JDK refuses a header it cannot send, such as an extension whose name is not a token.
            throw failures.unsendable(event.id(), "cannot be sent over HTTP: " + e.getMessage());
        }
    }

    private HttpRequest assemble(Event<byte[]> event) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // Over plain HTTP the JDK would offer an h2c upgrade on the first request, which some receivers and
            // proxies refuse; HTTP/2 is still used over TLS where the receiver offers it.
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(request::setHeader);
        byte[] body = switch (format) {
            case BINARY -> binary(event, request);
            case STRUCTURED -> {
                request.setHeader("Content-Type", MediaTypes.CLOUDEVENTS_JSON);
                yield structured.write(event);
            }
            case DATA -> data(event, request);
        };
        signer.ifPresent(s -> request.setHeader(signatureHeader, s.sign(body)));
        request.POST(body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        return request.build();
    }

    private byte[] binary(Event<byte[]> event, HttpRequest.Builder request) {
        attribute(request, "specversion", "1.0");
        attribute(request, "id", event.id());
        attribute(request, "source", event.source().toString());
        attribute(request, "type", event.type());
        event.subject().ifPresent(subject -> attribute(request, "subject", subject));
        event.time().ifPresent(time -> attribute(request, "time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)));
        event.dataSchema().ifPresent(schema -> attribute(request, "dataschema", schema.toString()));
        event.extensions().forEach((name, value) -> attribute(request, name, value));
        if (!event.extensions().containsKey(CloudEventJson.PARTITION_KEY)) {
            event.key().ifPresent(key -> request.setHeader(HEADER_PREFIX + CloudEventJson.PARTITION_KEY,
                    PercentEncoding.encode(key)));
        }
        event.dataContentType().ifPresent(type -> request.setHeader("Content-Type", type));
        return event.rawData();
    }

    private byte[] data(Event<byte[]> event, HttpRequest.Builder request) {
        byte[] data = event.rawData();
        if (data.length == 0) {
            throw failures.unsendable(event.id(), "has no data, and format data sends the data alone; use format"
                    + " binary or structured to deliver events without data");
        }
        String type = event.dataContentType().orElse(MediaTypes.JSON);
        if (!MediaTypes.isJson(type)) {
            throw failures.unsendable(event.id(), "has data of content type '" + type + "', and format data sends"
                    + " JSON only; use format binary to send the data as it is");
        }
        request.setHeader("Content-Type", type);
        return data;
    }


    private static void attribute(HttpRequest.Builder request, String name, String value) {
        request.setHeader(HEADER_PREFIX + name, PercentEncoding.encode(value));
    }
}
