package dev.tributary.dispatcher.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The events in a successful reply, as outputs. The content mode follows the HTTP binding:
 * <ul>
 *   <li>{@value #STRUCTURED}: one event in the CloudEvents JSON format;</li>
 *   <li>{@value #BATCH}: a JSON array of such events, possibly empty;</li>
 *   <li>otherwise a {@code ce-specversion} header: one event in binary mode (see {@link BinaryReply});</li>
 *   <li>otherwise no event: the body, if any, is not an event and is ignored.</li>
 * </ul>
 * A reply event keeps its own id, source and type; its {@code partitionkey} extension, when it has one, becomes
 * the output's key, and without one the output takes the input's key. A reply that claims to carry events and
 * does not fails with a {@link NonRetryableException} naming the problem: the function would answer the same again.
 * Thread-safe.
 */
final class Replies {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    private final String site;
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(JsonFormat.getCloudEventJacksonModule())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // JSON data is written to Kafka as the function sent it: 1.50 stays 1.50, not the double 1.5.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** @param site the function and URL, as failure messages name them */
    Replies(String site) {
        this.site = site;
    }

    /** Whether the headers announce events, so that the body must be read. */
    boolean carriesEvents(HttpHeaders headers) {
        String mediaType = mediaType(headers);
        return mediaType.equals(STRUCTURED) || mediaType.equals(BATCH) || BinaryReply.isBinary(headers);
    }

    List<Output> read(HttpHeaders headers, byte[] body) {
        String mediaType = mediaType(headers);
        List<CloudEvent> events;
        if (mediaType.equals(STRUCTURED)) {
            events = List.of(event(STRUCTURED, "the body", json(STRUCTURED, body, "a JSON object")));
        } else if (mediaType.equals(BATCH)) {
            events = batch(body);
        } else if (BinaryReply.isBinary(headers)) {
            events = List.of(binary(headers, body));
        } else {
            return List.of();
        }
        return events.stream().map(Replies::output).toList();
    }

    private CloudEvent binary(HttpHeaders headers, byte[] body) {
        try {
            return BinaryReply.read(headers, body);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid("a binary-mode CloudEvent (it has ce-specversion) that is not valid: " + e.getMessage());
        }
    }

    private List<CloudEvent> batch(byte[] body) {
        JsonNode array = json(BATCH, body, "a JSON array of CloudEvents");
        if (!array.isArray()) {
            throw invalid(BATCH + " whose body is " + describe(array) + ", not a JSON array of CloudEvents");
        }
        List<CloudEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            events.add(event(BATCH, "event [" + i + "] of the batch", array.get(i)));
        }
        return events;
    }

    private JsonNode json(String mediaType, byte[] body, String expected) {
        if (body.length == 0) {
            throw invalid(mediaType + " with an empty body; send " + expected + ", or answer 204 for no events");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid(mediaType + " whose body is not JSON: " + describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a byte array", e);
        }
    }

    private CloudEvent event(String mediaType, String where, JsonNode node) {
        if (!node.isObject()) {
            throw invalid(mediaType + ": " + where + " is " + describe(node) + ", not a JSON object");
        }
        try {
            return mapper.treeToValue(node, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw invalid(mediaType + ": " + where + " is not a valid CloudEvent: "
                    + OneLine.of(String.valueOf(e.getOriginalMessage())));
        }
    }

    private NonRetryableException invalid(String problem) {
        return new NonRetryableException(site + " replied with " + problem);
    }

    private static Output output(CloudEvent event) {
        Output.Builder output = Output.ofType(event.getType())
                .id(event.getId())
                .source(event.getSource())
                .subject(event.getSubject())
                .time(event.getTime())
                .dataSchema(event.getDataSchema())
                .bytes(event.getData() == null ? null : event.getData().toBytes(), event.getDataContentType());
        for (String name : event.getExtensionNames()) {
            output.extension(name, CloudEventRequests.text(event.getExtension(name)));
        }
        Object key = event.getExtension(KafkaEventCodec.PARTITION_KEY);
        if (key != null) {
            output.key(key.toString());
        }
        return output.build();
    }

    /** The type and subtype of {@code Content-Type}, in lowercase and without parameters; empty when there is none. */
    private static String mediaType(HttpHeaders headers) {
        String contentType = headers.firstValue("Content-Type").orElse("");
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String message = OneLine.of(String.valueOf(e.getOriginalMessage()));
        return location == null ? message
                : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode()) {
            return "empty";
        }
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
