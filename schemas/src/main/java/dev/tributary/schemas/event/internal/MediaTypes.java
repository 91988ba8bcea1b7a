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
        if (contentType == null) {
            return false;
        }
        int start = 0;
        while (start < contentType.length() && contentType.charAt(start) <= ' ') { // as String.trim() skips
            start++;
        }
        // Every binary-mode record with data asks this of its content type, so compare in place rather than build
        // the essence. Folding case char by char equals lowercasing the whole text only for ASCII; other text
        // takes the general path.
        for (int i = 0; i < CLOUDEVENTS_PREFIX.length(); i++) {
            if (start + i == contentType.length()) {
                return false;
            }
            char c = contentType.charAt(start + i);
            if (c >= 0x80) {
                return essence(contentType).startsWith(CLOUDEVENTS_PREFIX);
            }
            if (asciiLowerCase(c) != CLOUDEVENTS_PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLowerCase(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
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
