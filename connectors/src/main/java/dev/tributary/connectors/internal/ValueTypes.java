package dev.tributary.connectors.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The value types sink settings share. Each reads what YAML gives and says what is allowed when it refuses. */
public final class ValueTypes {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB)?");
    private static final long KIB = 1024;

    private ValueTypes() {
    }

    /** Text that is not blank. */
    public static ValueType<String> text(String allowed) {
        return of("string", allowed, value -> {
            String text = scalar(value);
            if (text.isBlank()) {
                throw new IllegalArgumentException("is empty; " + allowed);
            }
            return text;
        });
    }

    /** Text that may be empty, never quoted back in a message: a password or a signing key. */
    public static ValueType<String> secret(String allowed) {
        return of("string", allowed, ValueTypes::scalar);
    }

    /** {@code true} or {@code false}. */
    public static ValueType<Boolean> flag() {
        return of("boolean", "true, false", value -> {
            if (value instanceof Boolean flag) {
                return flag;
            }
            return switch (scalar(value).toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
            };
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ValueType<Integer> integer(int min, int max) {
        return of("integer", min + ".." + max, value -> {
            long number;
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                number = ((Number) value).longValue();
            } else {
                try {
                    number = Long.parseLong(scalar(value).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a whole number; use " + min + ".." + max);
                }
            }
            if (number < min || number > max) {
                throw new IllegalArgumentException(number + " is out of range; use " + min + ".." + max);
            }
            return (int) number;
        });
    }

    /** A duration written as Tributary writes them ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}), in range. */
    public static ValueType<Duration> duration(Duration min, Duration max) {
        String allowed = "a number and ms, s, m or h, from " + format(min) + " to " + format(max);
        return of("duration", allowed, value -> {
            Matcher matcher = DURATION.matcher(scalar(value).strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a duration: use a number and ms, s, m or h,"
                        + " such as 30s");
            }
            long amount = Long.parseLong(matcher.group(1));
            Duration duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
                throw new IllegalArgumentException(value + " is out of range; use " + allowed);
            }
            return duration;
        }, ValueTypes::format);
    }

    /** One of an enum's constants, written in lower case. */
    public static <E extends Enum<E>> ValueType<E> choice(Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(ValueTypes::lowerCase)
                .collect(Collectors.joining(", "));
        return of("string", allowed, value -> {
            String text = scalar(value).strip();
            return Arrays.stream(type.getEnumConstants())
                    .filter(constant -> lowerCase(constant).equals(text))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not one of " + allowed));
        }, ValueTypes::lowerCase);
    }

    /** An absolute {@code http} or {@code https} URL. */
    public static ValueType<URI> httpUrl() {
        return httpUrl("https://hooks.example.com/orders");
    }

    /** An absolute {@code http} or {@code https} URL; errors suggest {@code example}. */
    public static ValueType<URI> httpUrl(String example) {
        String allowed = "an absolute http or https URL";
        return of("URL", allowed, value -> {
            String text = scalar(value).strip();
            try {
                URI url = new URI(text);
                String scheme = url.getScheme();
                if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && url.getHost() != null) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // Refused below with the one message.
            }
            throw new IllegalArgumentException("'" + text + "' is not " + allowed + ", such as " + example);
        });
    }

    /** A mapping of text to text; numbers and booleans are taken as their text. */
    public static ValueType<Map<String, String>> textMap(String allowed) {
        return of("mapping of strings", allowed, value -> {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("is not a mapping; " + allowed);
            }
            Map<String, String> texts = new LinkedHashMap<>();
            map.forEach((key, entry) -> {
                if (entry instanceof Map<?, ?> || entry instanceof Iterable<?>) {
                    throw new IllegalArgumentException(key + " is not a string; " + allowed);
                }
                texts.put(String.valueOf(key), entry == null ? "" : entry.toString());
            });
            return Map.copyOf(texts);
        }, map -> map.isEmpty() ? "{}" : map.toString());
    }

    /**
     * A size in bytes, written as a whole number of bytes or with {@code KiB}, {@code MiB} or {@code GiB}
     * ({@code 512KiB}, {@code 8MiB}), from {@code min} to {@code max}.
     */
    public static ValueType<Long> byteSize(long min, long max) {
        String allowed = "a number of bytes, or a number and KiB, MiB or GiB, from " + formatSize(min) + " to "
                + formatSize(max);
        return of("size", allowed, value -> {
            Matcher matcher = SIZE.matcher(scalar(value).strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a size: use a number of bytes, or a number"
                        + " and KiB, MiB or GiB, such as 8MiB");
            }
            long unit = switch (matcher.group(2) == null ? "B" : matcher.group(2)) {
                case "KiB" -> KIB;
                case "MiB" -> KIB * KIB;
                case "GiB" -> KIB * KIB * KIB;
                default -> 1;
            };
            long amount = Long.parseLong(matcher.group(1));
            if (amount > max / unit || amount * unit < min) {
                throw new IllegalArgumentException(value + " is out of range; use " + allowed);
            }
            return amount * unit;
        }, ValueTypes::formatSize);
    }

    /** A list of text values, each read by {@code element}; a single value is a list of one. */
    public static ValueType<List<String>> textList(String allowed, Function<String, String> element) {
        return of("list of strings", allowed, value -> {
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            List<String> texts = new ArrayList<>();
            for (Object item : items) {
                if (item == null) {
                    throw new IllegalArgumentException("has an empty entry; " + allowed);
                }
                texts.add(element.apply(scalar(item).strip()));
            }
            return List.copyOf(texts);
        }, list -> "[" + String.join(", ", list) + "]");
    }

    /** How sizes are written: the largest whole unit. */
    public static String formatSize(long bytes) {
        for (String unit : List.of("GiB", "MiB", "KiB")) {
            long size = switch (unit) {
                case "GiB" -> KIB * KIB * KIB;
                case "MiB" -> KIB * KIB;
                default -> KIB;
            };
            if (bytes > 0 && bytes % size == 0) {
                return bytes / size + unit;
            }
        }
        return Long.toString(bytes);
    }

    /** How {@code 30s}-style durations are written: the largest whole unit. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis > 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis > 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis > 0 && millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    /** A scalar YAML value as text; a mapping or a list is refused. */
    public static String scalar(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            throw new IllegalArgumentException("is a " + (value instanceof Map<?, ?> ? "mapping" : "list")
                    + ", not a single value");
        }
        return value.toString();
    }

    private static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** A type made of its name, its allowed values and how it reads; values format as their text. */
    public static <T> ValueType<T> of(String name, String allowed, Function<Object, T> reader) {
        return new Simple<>(name, allowed, reader, String::valueOf);
    }

    /** A type made of its name, its allowed values, how it reads and how the reference writes a value. */
    public static <T> ValueType<T> of(String name, String allowed, Function<Object, T> reader,
                                      Function<T, String> formatter) {
        return new Simple<>(name, allowed, reader, formatter);
    }

    private record Simple<T>(String name, String allowed, Function<Object, T> reader, Function<T, String> formatter)
            implements ValueType<T> {

        @Override
        public T read(Object value) {
            return reader.apply(value);
        }

        @Override
        public String format(T value) {
            return formatter.apply(value);
        }
    }
}
