package dev.tributary.connectors.mqtt.internal;

import dev.tributary.connectors.internal.ValueType;
import dev.tributary.connectors.internal.ValueTypes;
import dev.tributary.sdk.Event;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The MQTT topic an event is published to: text with placeholders that the event fills, such as
 * {@code devices/{key}/commands}. The template is checked when the sink starts; what an event fills in is checked for
 * each event, so that no event can reach a topic the template does not describe:
 * <ul>
 *   <li>a value is never empty (a missing key would leave {@code devices//commands});</li>
 *   <li>a value holds no {@code /} (it fills part of one level, never adds levels), no wildcard {@code +} or
 *       {@code #} (a topic name cannot have them) and no control character;</li>
 *   <li>the topic does not start with {@code $}, which brokers keep for themselves ({@code $SYS}), and fits MQTT's
 *       65,535 bytes.</li>
 * </ul>
 * Thread-safe.
 */
public final class TopicTemplate {

    /** A value an event fills in. */
    enum Placeholder {
        /** The ordering key: the {@code partitionkey} extension, else the record key, as UTF-8 text. */
        KEY(Event::keyAsString),
        /** The CloudEvent {@code type}. */
        TYPE(event -> Optional.of(event.type())),
        /** The CloudEvent {@code subject}. */
        SUBJECT(Event::subject);

        private final Function<Event<?>, Optional<String>> value;

        Placeholder(Function<Event<?>, Optional<String>> value) {
            this.value = value;
        }

        String token() {
            return "{" + name().toLowerCase(Locale.ROOT) + "}";
        }
    }

    static final String ALLOWED = "an MQTT topic with " + Arrays.stream(Placeholder.values()).map(Placeholder::token)
            .collect(Collectors.joining(", ")) + " where the event fills them in, such as devices/{key}/commands";
    private static final int MAX_TOPIC_BYTES = 65_535;

    private final String text;
    /** Literal text ({@code String}) and placeholders, in order. */
    private final List<Object> parts;

    private TopicTemplate(String text, List<Object> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** The setting's type. */
    static ValueType<TopicTemplate> type() {
        return ValueTypes.of("string", ALLOWED, value -> parse(ValueTypes.scalar(value).strip()),
                TopicTemplate::toString);
    }

    /** @throws IllegalArgumentException saying what is wrong with the template and what is allowed */
    static TopicTemplate parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty; use " + ALLOWED);
        }
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            int literalEnd = open < 0 ? text.length() : open;
            if (literalEnd > at) {
                parts.add(literal(text, text.substring(at, literalEnd)));
            }
            if (open < 0) {
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' has a { without a closing }; use " + ALLOWED);
            }
            parts.add(placeholder(text, text.substring(open, close + 1)));
            at = close + 1;
        }
        if (text.startsWith("$")) {
            throw new IllegalArgumentException("'" + text + "' starts with $, which brokers keep for their own topics"
                    + " ($SYS); use " + ALLOWED);
        }
        return new TopicTemplate(text, List.copyOf(parts));
    }

    /**
     * The event's topic.
     *
     * @throws InvalidTopicException saying which value makes the topic invalid, and why
     */
    String render(Event<?> event) {
        StringBuilder topic = new StringBuilder(text.length() + 32);
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                topic.append(value(placeholder, event));
            } else {
                topic.append((String) part);
            }
        }
        String rendered = topic.toString();
        if (rendered.startsWith("$")) {
            throw new InvalidTopicException("would be '" + rendered + "', which starts with $, a prefix brokers keep"
                    + " for their own topics");
        }
        if (rendered.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES) {
            throw new InvalidTopicException("would be longer than MQTT's " + MAX_TOPIC_BYTES + " bytes");
        }
        return rendered;
    }

    private String value(Placeholder placeholder, Event<?> event) {
        String name = placeholder.name().toLowerCase(Locale.ROOT);
        String value = placeholder.value.apply(event).orElse("");
        if (value.isEmpty()) {
            throw new InvalidTopicException("has no value for " + placeholder.token() + " (the event has no " + name
                    + (placeholder == Placeholder.KEY ? ": neither a partitionkey nor a record key" : "")
                    + "), which would leave an empty topic level");
        }
        String problem = problemOf(value);
        if (problem != null) {
            throw new InvalidTopicException("has a " + name + " '" + printable(value) + "' that " + problem
                    + ", so it cannot fill " + placeholder.token());
        }
        return value;
    }

    /** What keeps {@code value} out of a topic level, or null. */
    private static String problemOf(String value) {
        if (value.indexOf('/') >= 0) {
            return "holds a /, which would add a topic level";
        }
        if (value.indexOf('+') >= 0 || value.indexOf('#') >= 0) {
            return "holds a wildcard (+ or #), which a topic name cannot have";
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return "holds a control character";
        }
        return null;
    }

    private static String literal(String text, String literal) {
        if (literal.indexOf('}') >= 0) {
            throw new IllegalArgumentException("'" + text + "' has a } without an opening {; use " + ALLOWED);
        }
        if (literal.indexOf('+') >= 0 || literal.indexOf('#') >= 0) {
            throw new IllegalArgumentException("'" + text + "' has a wildcard (+ or #), which a topic name to publish"
                    + " to cannot have; use " + ALLOWED);
        }
        if (literal.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + printable(text) + "' has a control character; use " + ALLOWED);
        }
        return literal;
    }

    private static Placeholder placeholder(String text, String token) {
        return Arrays.stream(Placeholder.values())
                .filter(placeholder -> placeholder.token().equals(token))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' has the unknown placeholder " + token
                        + "; use " + ALLOWED));
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }

    /** An event whose values do not make a valid topic of the template. */
    static final class InvalidTopicException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidTopicException(String problem) {
            super(problem);
        }
    }
}
