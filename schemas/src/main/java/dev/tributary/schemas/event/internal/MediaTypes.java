package dev.tributary.schemas.event.internal;

import java.util.Locale;
import java.util.Optional;

/** Just enough of RFC 2045 media types to choose a content mode and to tell JSON data from other data. */
final class MediaTypes {

    static final String CLOUDEVENTS_PREFIX = "application/cloudevents";
    static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    private MediaTypes() {
    }

    /** Type and subtype in lowercase, without parameters: {@code Text/Plain; charset=utf-8} is {@code text/plain}. */
    static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter, unquoted, when there is one. */
    static Optional<String> charset(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).trim().equalsIgnoreCase("charset")) {
                return Optional.of(parts[i].substring(equals + 1).trim().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /** The Kafka binding's rule for structured mode: the content type starts with {@code application/cloudevents}. */
    static boolean isCloudEvents(String contentType) {
        return contentType != null && essence(contentType).startsWith(CLOUDEVENTS_PREFIX);
    }

    /** Whether data of this {@code datacontenttype} is JSON; no content type means JSON, as the JSON format says. */
    static boolean isJson(String dataContentType) {
        if (dataContentType == null) {
            return true;
        }
        String essence = essence(dataContentType);
        return essence.equals("application/json") || essence.equals("text/json") || essence.endsWith("+json");
    }
}
