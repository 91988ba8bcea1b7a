package dev.tributary.dispatcher.http;

import java.nio.charset.StandardCharsets;

/** Text from a function made safe for a one-line failure message, as it goes to logs and dead-letter headers. */
final class OneLine {

    private OneLine() {
    }

    /**
     * {@code text} with line breaks and tabs as spaces (a run of them as one), other control characters as
     * {@code \\uXXXX}.
     */
    static String of(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\r' || c == '\n' || c == '\t') {
                if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
                    line.append(' ');
                }
            } else if (Character.isISOControl(c)) {
                line.append(String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString().strip();
    }

    /**
     * The first {@code limit} bytes of {@code bytes} as UTF-8 text on one line, followed by {@code ...} when there
     * were more. Bytes that are not UTF-8 read as U+FFFD; a character cut in two at the limit is left out.
     */
    static String ofBytes(byte[] bytes, int limit) {
        boolean cut = bytes.length > limit;
        String text = new String(bytes, 0, Math.min(bytes.length, limit), StandardCharsets.UTF_8);
        if (cut && text.endsWith("\uFFFD")) {
            text = text.substring(0, text.length() - 1);
        }
        return of(text) + (cut ? "..." : "");
    }
}
