package dev.tributary.ingest.mqtt.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns MQTT 5 user properties into CloudEvents extensions, whose names may hold only lowercase ASCII letters and
 * digits.
 *
 * <p>The rule: letters are lowercased and every character other than {@code a-z} and {@code 0-9} is dropped
 * ({@code Device-Type} becomes {@code devicetype}, {@code fw_version} {@code fwversion}). A name with nothing left is
 * dropped with its value. A name that equals a CloudEvents attribute or an extension the adapter sets itself
 * ({@code id}, {@code type}, {@code partitionkey}...) gets the prefix {@code mqtt} ({@code mqtttype}). Values of
 * properties that end up with one name are joined with {@code ,} in their order. A property named {@code ce-id} (any
 * spelling that sanitizes to {@code ceid}) is not an extension: it gives the event its id.
 */
public final class ExtensionNames {

    /** The sanitized name of the user property whose value becomes the event id. */
    public static final String EVENT_ID_PROPERTY = "ceid";
    /** The prefix of names that would collide with an attribute. */
    public static final String COLLISION_PREFIX = "mqtt";

    private static final Set<String> TAKEN = Set.of("specversion", "id", "source", "type", "datacontenttype",
            "dataschema", "subject", "time", "data", "partitionkey", MessageEvents.INVALID_REASON);

    private ExtensionNames() {
    }

    /** The extension name for a user property name, or empty when nothing of it is left. */
    public static Optional<String> sanitize(String propertyName) {
        StringBuilder name = new StringBuilder(propertyName.length());
        for (char c : propertyName.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                name.append(c);
            }
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String sanitized = name.toString();
        return Optional.of(TAKEN.contains(sanitized) ? COLLISION_PREFIX + sanitized : sanitized);
    }

    /** The extensions of a message's user properties, in the order their names first occur; no event id. */
    public static Map<String, String> extensions(List<UserProperty> properties) {
        Map<String, String> extensions = new LinkedHashMap<>();
        for (UserProperty property : properties) {
            sanitize(property.name())
                    .filter(name -> !name.equals(EVENT_ID_PROPERTY))
                    .ifPresent(name -> extensions.merge(name, property.value(), (a, b) -> a + "," + b));
        }
        return extensions;
    }

    /** The value of the first {@code ce-id} property that is not blank. */
    public static Optional<String> eventId(List<UserProperty> properties) {
        return properties.stream()
                .filter(property -> sanitize(property.name()).filter(EVENT_ID_PROPERTY::equals).isPresent())
                .map(UserProperty::value)
                .filter(value -> !value.isBlank())
                .findFirst();
    }
}
