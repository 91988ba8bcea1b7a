package dev.tributary.schemas.event.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.internal.JsonErrors;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a structured-mode event in the CloudEvents JSON format. The data comes out as bytes, whatever form it
 * had in the JSON: {@code data_base64} decoded, JSON data as its JSON text (numbers keep their digits),
 * string data of a non-JSON content type as the string's UTF-8 bytes. A JSON {@code null} is an absent member.
 *
 * <p>Thread-safe.
 */
public final class StructuredModeReader {

    private static final String DATA = "data";
    private static final String DATA_BASE64 = "data_base64";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final Attributes attributes = new Attributes();

    /**
     * The event that {@code body} carries in the JSON format.
     *
     * @param contentType the record's {@code content-type}, an {@code application/cloudevents+json} media type
     * @throws dev.tributary.schemas.event.MalformedEventException naming the header or member at fault
     */
    public CloudEvent read(String contentType, byte[] body) {
        Optional<String> charset = MediaTypes.charset(contentType);
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
            throw new Site(HeaderValues.CONTENT_TYPE, null).problem("charset " + Printable.quote(charset.get())
                    + " is not supported; a structured CloudEvent is JSON in UTF-8 (RFC 8259)");
        }
        ObjectNode event = parse(body);
        SpecVersion version = Attributes.specVersion(
                text(event, Attributes.SPEC_VERSION, "missing; a structured CloudEvent has \"specversion\": \"1.0\""),
                null);
        for (String required : Attributes.REQUIRED) {
            text(event, required, "missing; every CloudEvent needs the members id, source and type");
        }
        CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(version);
        byte[] data = data(event, version);
        for (Map.Entry<String, JsonNode> member : event.properties()) {
            set(builder, version, member.getKey(), member.getValue());
        }
        return (data == null ? builder : builder.withData(data)).build();
    }

    private ObjectNode parse(byte[] body) {
        if (body == null) {
            throw Site.body(null).problem("missing; a structured CloudEvent is a JSON object in the record value");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw Site.body(null).problem("not valid JSON: " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a byte array", e);
        }
        if (root instanceof ObjectNode event) {
            return event;
        }
        throw Site.body(null).problem("is " + describe(root) + ", not a JSON object; a structured CloudEvent is a "
                + "JSON object");
    }

    /** The string member {@code name} of {@code event}, or a problem {@code ifMissing}. */
    private static String text(ObjectNode event, String name, String ifMissing) {
        JsonNode value = event.get(name);
        if (value == null || value.isNull()) {
            throw Site.body(name).problem(ifMissing);
        }
        return requireText(name, value);
    }

    private static String requireText(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw Site.body(name).problem("is " + describe(value) + "; it must be a JSON string");
        }
        return value.textValue();
    }

    /** Removes {@code data} and {@code data_base64} from {@code event}; returns the data's bytes, or {@code null}. */
    private byte[] data(ObjectNode event, SpecVersion version) {
        JsonNode data = present(event.remove(DATA));
        JsonNode base64 = present(event.remove(DATA_BASE64));
        if (data != null && base64 != null) {
            throw Site.body(DATA_BASE64).problem("present together with data; a CloudEvent has one or the other");
        }
        if (base64 != null) {
            return base64(DATA_BASE64, base64);
        }
        if (data == null) {
            return null;
        }
        JsonNode encoding = present(event.get("datacontentencoding"));
        if (version == SpecVersion.V03 && encoding != null && "base64".equals(encoding.asText())) {
            return base64(DATA, data);
        }
        JsonNode contentType = present(event.get("datacontenttype"));
        String dataContentType = contentType == null ? null : requireText("datacontenttype", contentType);
        if (MediaTypes.isJson(dataContentType)) {
            try {
                return mapper.writeValueAsBytes(data);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("writing a JSON tree", e);
            }
        }
        if (data.isTextual()) {
            return data.textValue().getBytes(StandardCharsets.UTF_8);
        }
        throw Site.body(DATA).problem("is " + describe(data) + ", but datacontenttype "
                + Printable.quote(dataContentType) + " is not JSON; send such data as a JSON string or as data_base64");
    }

    private static byte[] base64(String name, JsonNode value) {
        try {
            return Base64.getDecoder().decode(requireText(name, value));
        } catch (IllegalArgumentException e) {
            throw Site.body(name).problem("is not base64 (RFC 4648): " + e.getMessage());
        }
    }

    private void set(CloudEventBuilder builder, SpecVersion version, String name, JsonNode value) {
        if (value.isNull() || name.equals(Attributes.SPEC_VERSION)) {
            return;
        }
        if (value.isTextual() || version.getAllAttributes().contains(name)) {
            attributes.set(builder, version, name, requireText(name, value), null);
            return;
        }
        Attributes.requireExtensionName(name, null);
        if (value.isBoolean()) {
            builder.withExtension(name, value.booleanValue());
        } else if (value.isIntegralNumber() && value.canConvertToInt()) {
            builder.withExtension(name, value.intValue());
        } else {
            throw Site.body(name).problem("is " + describe(value) + "; an extension attribute is a JSON string, "
                    + "boolean or integer of 32 bits");
        }
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    private static String describe(JsonNode value) {
        if (value.isMissingNode()) {
            return "empty";
        }
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
