package dev.tributary.launcher.config.internal;

import dev.tributary.launcher.config.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The value types settings are made of, other than sections. */
public final class Types {

    private Types() {
    }

    /** Any non-empty text. */
    public static ValueType<String> string() {
        return new Scalar<>("string", "", text -> text);
    }

    /**
     * A secret, which must come from the environment: written as {@code ${env:NAME}} alone, so that it never sits
     * in a file that ends up in version control.
     */
    public static ValueType<String> secret() {
        return new ValueType<>() {
            @Override
            public String name() {
                return "secret";
            }

            @Override
            public String allowed() {
                return "${env:NAME}";
            }

            @Override
            public String read(Node node, Location at, ReadContext context) {
                if (node instanceof ScalarNode scalar && !ENV_ONLY.matcher(scalar.getValue()).matches()) {
                    context.error(at, "a secret is written as ${env:NAME} and set in the environment, never in the"
                            + " file");
                    return null;
                }
                return string().read(node, at, context);
            }

            @Override
            public String format(String value) {
                return "";
            }
        };
    }

    private static final Pattern ENV_ONLY = Pattern.compile("\\$\\{env:[^}]+}");

    /** Text that matches {@code pattern}; {@code problem} and {@code allowed} make the error message. */
    public static ValueType<String> matching(Pattern pattern, String problem, String allowed) {
        return new Scalar<>("string", allowed, text -> {
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException(problem + ": use " + allowed);
            }
            return text;
        });
    }

    public static ValueType<Integer> integer(int min, int max) {
        String problem = "is not an integer between " + min + " and " + max;
        return new Scalar<>("integer", min + ".." + max, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(problem);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(problem);
            }
            return value;
        });
    }

    /** A decimal number between {@code min} and {@code max}, inclusive. */
    public static ValueType<Double> decimal(double min, double max) {
        String problem = "is not a number between " + trim(min) + " and " + trim(max);
        return new Scalar<>("number", trim(min) + ".." + trim(max), text -> {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(problem);
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(problem);
            }
            return value;
        }, Types::trim);
    }

    /**
     * A duration written as a whole number and a unit, {@code ms}, {@code s}, {@code m} or {@code h}
     * ({@code 250ms}, {@code 30s}), between {@code min} and {@code max}.
     */
    public static ValueType<Duration> duration(Duration min, Duration max) {
        String allowed = "a number and ms, s, m or h, from " + format(min) + " to " + format(max);
        return new Scalar<>("duration", allowed, text -> {
            Duration value;
            try {
                value = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is not a duration: use " + allowed + ", such as 30s");
            }
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("is not between " + format(min) + " and " + format(max));
            }
            return value;
        }, Types::format);
    }

    static String format(Duration duration) {
        return Durations.format(duration);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** One of an enum's constants, written in lower case with '-' for '_': {@code API_KEY} is {@code api-key}. */
    public static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type) {
        Map<String, E> byName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(Types::lowerCase, e -> e, (a, b) -> a, LinkedHashMap::new));
        String allowed = String.join(", ", byName.keySet());
        return new Scalar<>("string", allowed, text -> {
            E value = byName.get(text);
            if (value == null) {
                throw new IllegalArgumentException("is not one of " + allowed);
            }
            return value;
        }, Types::lowerCase);
    }

    public static ValueType<Pattern> regex() {
        return new Scalar<>("regex", "a Java regular expression", text -> {
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("is not a valid Java regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
        }, Pattern::pattern);
    }

    /** An absolute http or https URL. */
    public static ValueType<URI> httpUrl() {
        return new Scalar<>("URL", "http or https", text -> {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below, as every other URL that is not http or https
            }
            throw new IllegalArgumentException("is not an http or https URL such as http://127.0.0.1:8081");
        });
    }

    /** Kafka's {@code bootstrap.servers}: {@code host:port} pairs separated by commas. */
    public static ValueType<String> hostPorts() {
        Pattern hostPort = Pattern.compile("\\S+:(\\d{1,5})");
        return new Scalar<>("string", "host:port, several separated by commas", text -> {
            for (String server : text.split(",", -1)) {
                Matcher matcher = hostPort.matcher(server.strip());
                int port = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
                if (port < 1 || port > 65_535) {
                    throw new IllegalArgumentException("is not a list of host:port separated by commas, such as"
                            + " broker-1:9092,broker-2:9092");
                }
            }
            return text;
        });
    }

    /** A file; a relative path is relative to the folder of the configuration file. */
    public static ValueType<Path> path() {
        return new ValueType<>() {
            @Override
            public String name() {
                return "path";
            }

            @Override
            public String allowed() {
                return "relative to the configuration file's folder";
            }

            @Override
            public Path read(Node node, Location at, ReadContext context) {
                String text = context.text(node, at, name());
                try {
                    return text == null ? null : context.resolve(text);
                } catch (InvalidPathException e) {
                    context.error(at, "'" + text + "' is not a valid path: " + e.getReason());
                    return null;
                }
            }
        };
    }

    /** A list of values of {@code element}'s type; {@code nonEmpty} makes an empty list an error. */
    public static <E> ValueType<List<E>> listOf(ValueType<E> element, boolean nonEmpty) {
        String allowed = Stream.of(nonEmpty ? "at least one" : "", element.allowed())
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining("; "));
        return new ValueType<>() {
            @Override
            public String name() {
                return "list of " + element.name() + "s";
            }

            @Override
            public String allowed() {
                return allowed;
            }

            @Override
            public List<E> read(Node node, Location at, ReadContext context) {
                if (!(node instanceof SequenceNode sequence)) {
                    if (node instanceof ScalarNode scalar && !Nodes.isNull(scalar)) {
                        context.error(at, "expected " + Nodes.withArticle(name()) + ", found " + Nodes.describe(node)
                                + "; write [" + scalar.getValue() + "]");
                    } else {
                        context.expected(at, name(), node);
                    }
                    return null;
                }
                if (nonEmpty && sequence.getValue().isEmpty()) {
                    context.error(at, "the list is empty; give at least one");
                    return null;
                }
                List<E> items = new ArrayList<>();
                boolean valid = true;
                for (Node item : sequence.getValue()) {
                    E value = element.read(item, at.element(items.size(), Nodes.line(item)), context);
                    valid &= value != null;
                    items.add(value);
                }
                return valid ? List.copyOf(items) : null;
            }

            @Override
            public String format(List<E> value) {
                return value.stream().map(element::format).collect(Collectors.joining(", ", "[", "]"));
            }
        };
    }

    /** A mapping of names to text, such as Kafka client settings; values may use {@code ${env:NAME}}. */
    public static ValueType<Map<String, String>> stringMap() {
        return new ValueType<>() {
            @Override
            public String name() {
                return "mapping of strings";
            }

            @Override
            public Map<String, String> read(Node node, Location at, ReadContext context) {
                if (!(node instanceof MappingNode mapping)) {
                    context.expected(at, name(), node);
                    return null;
                }
                Map<String, String> result = new LinkedHashMap<>();
                boolean valid = true;
                for (ReadContext.Entry entry : context.entries(mapping, at)) {
                    String value = context.text(entry.value(), entry.at(), "string");
                    valid &= value != null;
                    result.put(entry.key(), value);
                }
                return valid ? Collections.unmodifiableMap(result) : null;
            }

            @Override
            public String format(Map<String, String> value) {
                return value.isEmpty() ? "{}" : value.toString();
            }
        };
    }

    /**
     * Any mapping, handed over as it is: nested mappings and lists, strings, booleans, integers and decimals as
     * YAML reads them. Strings may use {@code ${env:NAME}}; a key with no value is an error.
     */
    public static ValueType<Map<String, Object>> freeMap() {
        return new FreeMap();
    }

    private static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A value written as one scalar. The parser throws {@link IllegalArgumentException} with what is wrong, as
     * the rest of a sentence that begins with the value as the user wrote it: {@code 'keyed' is not one of ...}.
     * The value quoted is the one before {@code ${env:NAME}} substitution, so an error never shows a secret.
     */
    private record Scalar<T>(String name, String allowed, Function<String, T> parser, Function<T, String> formatter)
            implements ValueType<T> {

        Scalar(String name, String allowed, Function<String, T> parser) {
            this(name, allowed, parser, String::valueOf);
        }

        @Override
        public T read(Node node, Location at, ReadContext context) {
            String text = context.text(node, at, name);
            if (text == null) {
                return null;
            }
            String written = ((ScalarNode) node).getValue();
            if (text.isEmpty()) {
                context.error(at, "is empty; give a value or leave the setting out");
                return null;
            }
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                context.error(at, "'" + written + "' " + e.getMessage());
                return null;
            }
        }

        @Override
        public String format(T value) {
            return formatter.apply(value);
        }
    }
}
