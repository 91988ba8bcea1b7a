package dev.tributary.schemas.event.internal;

/**
 * Record content made safe for a one-line message: control characters escaped, so that a hostile header name
 * or value cannot split a dead-letter reason or a log line.
 */
public final class Printable {

    private static final int MAX_QUOTED_CHARS = 100;

    private Printable() {
    }

    /** {@code text} with each control character written as {@code \\uXXXX}. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> append(escaped, c));
        return escaped.toString();
    }

    /** {@code value} escaped, cut after 100 characters and in single quotes: {@code 'a value'}. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("'");
        value.codePoints().limit(MAX_QUOTED_CHARS).forEach(c -> append(quoted, c));
        if (value.codePointCount(0, value.length()) > MAX_QUOTED_CHARS) {
            quoted.append("...");
        }
        return quoted.append('\'').toString();
    }

    private static void append(StringBuilder text, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            text.append(String.format("\\u%04x", codePoint));
        } else {
            text.appendCodePoint(codePoint);
        }
    }
}
