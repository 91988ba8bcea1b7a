package dev.tributary.ingest.mqtt.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How a record key is made from an MQTT topic: literal text and {@code {n}} placeholders, where {@code {1}} is the
 * level matched by the filter's first wildcard, {@code {2}} by the second, and so on. {@code {1}} alone keys
 * {@code devices/+/telemetry} by device; {@code fleet-a} is a literal key; {@code {1}-{2}} joins two levels.
 * Immutable.
 */
public final class KeyTemplate {

    private final String text;
    /** Literal text as {@code String}, placeholders as the {@code Integer} index of the wildcard, 0-based. */
    private final List<Object> parts;

    private KeyTemplate(String text, List<Object> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * @param wildcards how many wildcards the mapping's filter has
     * @throws IllegalArgumentException saying what is wrong and what is allowed
     */
    public static KeyTemplate parse(String template, int wildcards) {
        if (template == null || template.isEmpty()) {
            throw new IllegalArgumentException("is empty; give a template such as {1}, or leave the key out for "
                    + "records without a key");
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("'" + template + "': '}' without '{'; placeholders are {1}, {2}...");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            String number = end < 0 ? "" : template.substring(i + 1, end);
            if (!number.matches("[1-9][0-9]?")) {
                throw new IllegalArgumentException("'" + template + "': placeholders are {1}, {2}... for the levels "
                        + "matched by the filter's first, second... wildcard");
            }
            int index = Integer.parseInt(number);
            if (index > wildcards) {
                throw new IllegalArgumentException("'" + template + "' uses {" + index + "} but the filter has "
                        + (wildcards == 0 ? "no wildcards" : "only " + wildcards + " wildcard" + (wildcards == 1 ? "" : "s"))
                        + "; {n} is the level matched by the n-th + or #");
            }
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(index - 1);
            i = end + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return new KeyTemplate(template, List.copyOf(parts));
    }

    /** The key for a topic whose wildcards matched {@code levels}; may be empty when they matched empty levels. */
    public String render(List<String> levels) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            key.append(part instanceof Integer index ? levels.get(index) : (String) part);
        }
        return key.toString();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
