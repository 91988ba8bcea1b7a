package dev.tributary.ingest.http.internal;

import dev.tributary.schemas.http.PercentEncoding;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.schemas.event.MalformedEventException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Reads CloudEvents from HTTP requests in the three content modes of the HTTP protocol binding.
 *
 * <p>What counts as a valid event is decided by {@link KafkaEventCodec}, the same rules the dispatcher reads
 * records with: each event is handed to it as the Kafka record it would become (binary mode: {@code ce_} headers
 * and the body as the value; structured mode: the JSON object as the value), so ingest accepts exactly what
 * consumers can read, and the codec's messages name the attribute at fault. This class adds what belongs to HTTP:
 * percent-decoded {@code ce-} headers, one value per header, the batch format.
 *
 * <p>A structured event whose {@code data} is a JSON value and that has no {@code datacontenttype} gets
 * {@code application/json}, which the JSON event format implies; written in binary mode to Kafka, it would
 * otherwise lose that. Thread-safe.
 */
public final class CloudEventReader {

    private static final String HEADER_PREFIX = "ce-";
    private static final String KAFKA_HEADER_PREFIX = "ce_";
    private static final List<String> REQUIRED = List.of("id", "source", "type");

    private final KafkaEventCodec codec = new KafkaEventCodec();
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Re-serialized batch members keep their numbers as sent: 1.50 stays 1.50.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /**
     * One member of a batch: its event, or why it is not one.
     *
     * @param id the member's {@code id}, when it has a string one, so that a sender can find an invalid event
     */
    public record BatchEntry(int index, Optional<String> id, Optional<CloudEvent> event,
                             Optional<InvalidEventException> problem) {
    }

    /** Whether a request carries a binary-mode event: it has {@code ce-} headers. */
    public static boolean hasCloudEventsHeaders(MultiMap headers) {
        for (String name : headers.names()) {
            if (name.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())) {
                return true;
            }
        }
        return false;
    }

    /** A binary-mode event: attributes in percent-encoded {@code ce-} headers, the body as the data. */
    public CloudEvent binary(MultiMap headers, byte[] body) {
        RecordHeaders record = new RecordHeaders();
        List<String> attributes = new ArrayList<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(HEADER_PREFIX)) {
                continue;
            }
            String attribute = lower.substring(HEADER_PREFIX.length());
            List<String> values = headers.getAll(name);
            if (values.size() != 1) {
                throw new InvalidEventException(attribute, "header " + lower + ": appears " + values.size()
                        + " times; a CloudEvents attribute has one value");
            }
            String text;
            try {
                text = PercentEncoding.decode(values.getFirst());
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException(attribute, "header " + lower + ": " + e.getMessage());
            }
            attributes.add(attribute);
            record.add(KAFKA_HEADER_PREFIX + attribute, text.getBytes(StandardCharsets.UTF_8));
        }
        if (!attributes.contains("specversion")) {
            throw new InvalidEventException("specversion", "header ce-specversion: missing; a binary-mode CloudEvent "
                    + "has the headers ce-specversion: 1.0, ce-id, ce-source and ce-type");
        }
        for (String required : REQUIRED) {
            if (!attributes.contains(required)) {
                throw new InvalidEventException(required, "header ce-" + required + ": missing; every CloudEvent "
                        + "needs the headers ce-id, ce-source and ce-type");
            }
        }
        String contentType = headers.get("Content-Type");
        if (contentType != null) {
            record.add("content-type", contentType.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return codec.decode(asRecord(record, body.length == 0 ? null : body)).cloudEvent();
        } catch (MalformedEventException e) {
            String place = e.header()
                    .map(header -> header.startsWith(KAFKA_HEADER_PREFIX)
                            ? "header " + HEADER_PREFIX + header.substring(KAFKA_HEADER_PREFIX.length())
                            : "header Content-Type")
                    .orElse("body");
            throw new InvalidEventException(e.attribute().orElse(null), place + ": " + e.problem());
        }
    }

    /** A structured-mode event: the body is one CloudEvent in the JSON format. */
    public CloudEvent structured(String contentType, byte[] body) {
        JsonNode json = parse(body, MediaTypes.STRUCTURED, "a CloudEvent as a JSON object");
        if (!(json instanceof ObjectNode event)) {
            throw new InvalidEventException(null, "body: is " + describe(json) + ", not a JSON object; a structured "
                    + "CloudEvent (" + MediaTypes.STRUCTURED + ") is one JSON object");
        }
        return decodeStructured(contentType, body, event, "");
    }

    /**
     * The members of a batch, each an event or the reason it is not one.
     *
     * @throws InvalidEventException when the body as a whole is not a JSON array
     */
    public List<BatchEntry> batch(byte[] body) {
        JsonNode json = parse(body, MediaTypes.BATCH, "a JSON array of CloudEvents");
        if (!json.isArray()) {
            throw new InvalidEventException(null, "body: is " + describe(json) + ", not a JSON array; a batch ("
                    + MediaTypes.BATCH + ") is an array of CloudEvents in the JSON format");
        }
        List<BatchEntry> entries = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            entries.add(entry(i, json.get(i)));
        }
        return entries;
    }

    private BatchEntry entry(int index, JsonNode member) {
        String where = "event [" + index + "]: ";
        JsonNode idMember = member.get("id");
        Optional<String> id = idMember != null && idMember.isTextual() ? Optional.of(idMember.textValue())
                : Optional.empty();
        try {
            if (!(member instanceof ObjectNode event)) {
                throw new InvalidEventException(null, where + "is " + describe(member) + ", not a JSON object");
            }
            byte[] bytes = mapper.writeValueAsBytes(event);
            return new BatchEntry(index, id,
                    Optional.of(decodeStructured(MediaTypes.STRUCTURED, bytes, event, where)), Optional.empty());
        } catch (InvalidEventException e) {
            return new BatchEntry(index, id, Optional.empty(), Optional.of(e));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree", e);
        }
    }

    private CloudEvent decodeStructured(String contentType, byte[] bytes, ObjectNode json, String where) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", contentType.getBytes(StandardCharsets.UTF_8));
        CloudEvent event;
        try {
            event = codec.decode(asRecord(headers, bytes)).cloudEvent();
        } catch (MalformedEventException e) {
            throw new InvalidEventException(e.attribute().orElse(null), where + e.getMessage());
        }
        boolean jsonData = present(json, "data") && !present(json, "datacontenttype")
                && !present(json, "datacontentencoding");
        return jsonData ? CloudEventBuilder.from(event).withDataContentType(MediaTypes.JSON).build() : event;
    }

    private JsonNode parse(byte[] body, String mediaType, String expected) {
        if (body.length == 0) {
            throw new InvalidEventException(null, "body: empty; " + mediaType + " needs " + expected);
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(null, "body: not valid JSON: " + describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a byte array", e);
        }
    }

    /** The record a Kafka topic would hold for this event, for the codec to read. */
    private static ConsumerRecord<byte[], byte[]> asRecord(RecordHeaders headers, byte[] value) {
        return new ConsumerRecord<>("http", 0, 0L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, value == null ? ConsumerRecord.NULL_SIZE : value.length, null, value,
                headers, Optional.empty());
    }

    private static boolean present(ObjectNode json, String member) {
        JsonNode value = json.get(member);
        return value != null && !value.isNull();
    }

    static String describe(JsonProcessingException e) {
        String problem = String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\R\\s*", " ");
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return problem;
        }
        return problem + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "empty";
        }
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
