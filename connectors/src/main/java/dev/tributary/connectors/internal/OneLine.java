package dev.tributary.connectors.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Text from a downstream system made safe for a one-line failure message, as it goes to logs and dead-letter
 * headers.
 */
public final class OneLine {

    private static final Pattern LINE_BREAKS = Pattern.compile("[ ]*[\\r\\n\\t]+[\\r\\n\\t ]*");

    private OneLine() {
    }

    /**
     * {@code text} with each line break or tab, and the blanks around it, as one space (a server's indented second
     * line reads as the sentence it continues), other control characters as {@code \\uXXXX}.
     */
    public static String of(String text) {
        StringBuilder line = new StringBuilder(text.length());
        LINE_BREAKS.matcher(text).replaceAll(" ").codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
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
    public static String ofBytes(byte[] bytes, int limit) {
        boolean cut = bytes.length > limit;
        String text = new String(bytes, 0, Math.min(bytes.length, limit), StandardCharsets.UTF_8);
        if (cut && text.endsWith("\uFFFD")) {
            text = text.substring(0, text.length() - 1);
        }
        return of(text) + (cut ? "..." : "");
    }
}
