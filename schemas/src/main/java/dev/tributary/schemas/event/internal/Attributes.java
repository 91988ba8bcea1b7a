package dev.tributary.schemas.event.internal;

import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates CloudEvents attribute values written as text (a {@code ce_} header, a JSON string member) and sets
 * them on a builder. Every check fails with a {@link Site#problem} naming the place, so the CloudEvents SDK
 * never gets to throw its own, less precise exceptions.
 *
 * <p>The place is given as the header that carries the attribute, or {@code null} for a member of a structured
 * event's body; the {@link Site} is only made when there is a problem to report, since nearly every event has none.
 *
 * <p>Thread-safe.
 */
final class Attributes {

    /** The attributes every CloudEvent needs besides {@code specversion}, in the order they are reported. */
    static final List<String> REQUIRED = List.of("id", "source", "type");

    static final String SPEC_VERSION = "specversion";

    /** The SDK's limit on the length of an attribute name. */
    private static final int MAX_NAME_LENGTH = 20;

    private static final String VERSIONS = Arrays.stream(SpecVersion.values())
            .map(SpecVersion::toString)
            .sorted(Comparator.reverseOrder())
            .collect(Collectors.joining(", "));

    private final UriReferences uris = new UriReferences();

    /** The spec version {@code text} names; {@code header} carries it, or {@code null} for the body member. */
    static SpecVersion specVersion(String text, String header) {
        if (SpecVersion.V1.toString().equals(text)) { // nearly every event; values() would copy an array first
            return SpecVersion.V1;
        }
        for (SpecVersion version : SpecVersion.values()) {
            if (version.toString().equals(text)) {
                return version;
            }
        }
        throw new Site(header, SPEC_VERSION).problem(Printable.quote(text)
                + " is not a CloudEvents spec version this codec reads (" + VERSIONS + ")");
    }

    /**
     * Sets attribute or extension {@code name} of a {@code version} event from its text form.
     *
     * @param header the header that carries the attribute, or {@code null} for a member of a structured event
     */
    void set(CloudEventBuilder builder, SpecVersion version, String name, String text, String header) {
        if (!version.getAllAttributes().contains(name)) {
            requireExtensionName(name, header);
            builder.withExtension(name, text);
            return;
        }
        switch (name) {
            case SPEC_VERSION -> throw new IllegalArgumentException("specversion chooses the builder; it is not set");
            case "id", "type" -> builder.withContextAttribute(name, nonEmpty(text, name, header));
            case "source" ->
                    builder.withContextAttribute(name, uriReference(nonEmpty(text, name, header), name, header));
            case "dataschema", "schemaurl" -> builder.withContextAttribute(name, uriReference(text, name, header));
            case "time" -> builder.withContextAttribute(name, timestamp(text, name, header));
            default -> builder.withContextAttribute(name, text);
        }
    }

    /**
     * Checks the CloudEvents naming rule, lowercase letters a-z and digits 0-9, with the SDK's limit of 20
     * characters: by hand, as it runs for every extension of every event.
     */
    static void requireExtensionName(String name, String header) {
        if (!isExtensionName(name)) {
            throw new Site(header, name).problem(Printable.quote(name) + " is not a CloudEvents attribute name: "
                    + "use 1 to 20 lowercase letters a-z and digits 0-9");
        }
    }

    static boolean isExtensionName(String name) {
        int length = name.length();
        if (length == 0 || length > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static String nonEmpty(String text, String name, String header) {
        if (text.isEmpty()) {
            throw new Site(header, name).problem("is empty; a CloudEvent's " + name + " is a non-empty string");
        }
        return text;
    }

    private URI uriReference(String text, String name, String header) {
        try {
            return uris.parse(text);
        } catch (URISyntaxException e) {
            throw new Site(header, name).problem(Printable.quote(text) + " is not a URI reference (RFC 3986): "
                    + e.getReason() + " at index " + e.getIndex());
        }
    }

    private static OffsetDateTime timestamp(String text, String name, String header) {
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new Site(header, name).problem(Printable.quote(text)
                    + " is not an RFC 3339 timestamp, e.g. 2024-01-31T09:30:00Z");
        }
    }
}
