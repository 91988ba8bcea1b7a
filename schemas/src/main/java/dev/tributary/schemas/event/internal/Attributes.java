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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates CloudEvents attribute values written as text (a {@code ce_} header, a JSON string member) and sets
 * them on a builder. Every check fails with a {@link Site#problem} naming the place, so the CloudEvents SDK
 * never gets to throw its own, less precise exceptions.
 */
final class Attributes {

    /** The attributes every CloudEvent needs besides {@code specversion}, in the order they are reported. */
    static final List<String> REQUIRED = List.of("id", "source", "type");

    static final String SPEC_VERSION = "specversion";

    /** The CloudEvents naming rule, with the SDK's limit of 20 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,20}");

    private static final String VERSIONS = Arrays.stream(SpecVersion.values())
            .map(SpecVersion::toString)
            .sorted(Comparator.reverseOrder())
            .collect(Collectors.joining(", "));

    private Attributes() {
    }

    static SpecVersion specVersion(String text, Site site) {
        for (SpecVersion version : SpecVersion.values()) {
            if (version.toString().equals(text)) {
                return version;
            }
        }
        throw site.problem(Printable.quote(text) + " is not a CloudEvents spec version this codec reads ("
                + VERSIONS + ")");
    }

    /** Sets attribute or extension {@code name} of a {@code version} event from its text form. */
    static void set(CloudEventBuilder builder, SpecVersion version, String name, String text, Site site) {
        if (!version.getAllAttributes().contains(name)) {
            requireExtensionName(name, site);
            builder.withExtension(name, text);
            return;
        }
        switch (name) {
            case SPEC_VERSION -> throw new IllegalArgumentException("specversion chooses the builder; it is not set");
            case "id", "type" -> builder.withContextAttribute(name, nonEmpty(text, site));
            case "source" -> builder.withContextAttribute(name, uriReference(nonEmpty(text, site), site));
            case "dataschema", "schemaurl" -> builder.withContextAttribute(name, uriReference(text, site));
            case "time" -> builder.withContextAttribute(name, timestamp(text, site));
            default -> builder.withContextAttribute(name, text);
        }
    }

    static void requireExtensionName(String name, Site site) {
        if (!NAME.matcher(name).matches()) {
            throw site.problem(Printable.quote(name) + " is not a CloudEvents attribute name: "
                    + "use 1 to 20 lowercase letters a-z and digits 0-9");
        }
    }

    private static String nonEmpty(String text, Site site) {
        if (text.isEmpty()) {
            throw site.problem("is empty; a CloudEvent's " + site.attribute() + " is a non-empty string");
        }
        return text;
    }

    private static URI uriReference(String text, Site site) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw site.problem(Printable.quote(text) + " is not a URI reference (RFC 3986): " + e.getReason()
                    + " at index " + e.getIndex());
        }
    }

    private static OffsetDateTime timestamp(String text, Site site) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw site.problem(Printable.quote(text) + " is not an RFC 3339 timestamp, e.g. 2024-01-31T09:30:00Z");
        }
    }
}
