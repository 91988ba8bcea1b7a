package dev.tributary.dispatcher.http;

import dev.tributary.schemas.http.PercentEncoding;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a reply in binary mode: one percent-encoded {@code ce-<name>} header per attribute and extension,
 * {@code Content-Type} as {@code datacontenttype}, the body as the data (an empty body is no data). Each check
 * fails with an {@link IllegalArgumentException} naming the header at fault.
 */
final class BinaryReply {

    private static final String SPEC_VERSION = "specversion";
    private static final List<String> REQUIRED = List.of("id", "source", "type");
    /** The CloudEvents naming rule, with the SDK's limit of 20 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,20}");

    private BinaryReply() {
    }

    /** Whether a response is a binary-mode event: the binding makes {@code ce-specversion} the mark of one. */
    static boolean isBinary(HttpHeaders headers) {
        return headers.firstValue(CloudEventRequests.HEADER_PREFIX + SPEC_VERSION).isPresent();
    }

    static CloudEvent read(HttpHeaders headers, byte[] body) {
        Map<String, String> attributes = attributeHeaders(headers);
        SpecVersion version = specVersion(attributes.remove(SPEC_VERSION));
        for (String required : REQUIRED) {
            if (!attributes.containsKey(required)) {
                throw problem(required, "missing; a binary-mode CloudEvent needs the headers ce-specversion, ce-id, "
                        + "ce-source and ce-type");
            }
        }
        CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(version);
        attributes.forEach((name, text) -> set(builder, version, name, text));
        headers.firstValue("Content-Type").ifPresent(builder::withDataContentType);
        if (body.length > 0) {
            builder.withData(body);
        }
        return builder.build();
    }

    private static Map<String, String> attributeHeaders(HttpHeaders headers) {
        Map<String, String> attributes = new LinkedHashMap<>();
        headers.map().forEach((header, values) -> {
            String lower = header.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(CloudEventRequests.HEADER_PREFIX)) {
                return;
            }
            String name = lower.substring(CloudEventRequests.HEADER_PREFIX.length());
            if (values.size() != 1) {
                throw problem(name, "appears " + values.size() + " times; a CloudEvents attribute has one value");
            }
            try {
                attributes.put(name, PercentEncoding.decode(values.getFirst()));
            } catch (IllegalArgumentException e) {
                throw problem(name, e.getMessage());
            }
        });
        return attributes;
    }

    private static SpecVersion specVersion(String text) {
        for (SpecVersion version : SpecVersion.values()) {
            if (version.toString().equals(text)) {
                return version;
            }
        }
        throw problem(SPEC_VERSION, "'" + OneLine.of(String.valueOf(text))
                + "' is not a CloudEvents spec version (1.0, 0.3)");
    }

    private static void set(CloudEventBuilder builder, SpecVersion version, String name, String text) {
        if (!version.getAllAttributes().contains(name)) {
            if (!NAME.matcher(name).matches()) {
                throw problem(name, "is not a CloudEvents attribute name: use 1 to 20 lowercase "
                        + "letters a-z and digits 0-9");
            }
            builder.withExtension(name, text);
            return;
        }
        switch (name) {
            case "id", "type" -> builder.withContextAttribute(name, nonEmpty(name, text));
            case "source" -> builder.withContextAttribute(name, uri(name, nonEmpty(name, text)));
            case "dataschema", "schemaurl" -> builder.withContextAttribute(name, uri(name, text));
            case "time" -> builder.withContextAttribute(name, time(name, text));
            default -> builder.withContextAttribute(name, text);
        }
    }

    private static String nonEmpty(String name, String text) {
        if (text.isEmpty()) {
            throw problem(name, "is empty; a CloudEvent's " + name + " is a non-empty string");
        }
        return text;
    }

    private static URI uri(String name, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw problem(name, "'" + OneLine.of(text) + "' is not a URI reference (RFC 3986): " + e.getReason());
        }
    }

    private static OffsetDateTime time(String name, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(name, "'" + OneLine.of(text)
                    + "' is not an RFC 3339 timestamp, e.g. 2024-01-31T09:30:00Z");
        }
    }

    private static IllegalArgumentException problem(String attribute, String problem) {
        return new IllegalArgumentException("header " + CloudEventRequests.HEADER_PREFIX + attribute + ": " + problem);
    }
}
