package dev.tributary.bench.ingest.child;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code --name value} arguments the runner passes to a child JVM. */
public final class ChildArgs {

    private final Map<String, String> values;

    private ChildArgs(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException when an argument is not a {@code --name value} pair */
    public static ChildArgs parse(String[] argv) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < argv.length; i += 2) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("arguments are --name value pairs; '" + argv[i] + "' is not");
            }
            values.put(argv[i].substring(2), argv[i + 1]);
        }
        return new ChildArgs(values);
    }

    public String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    public int integer(String name) {
        try {
            return Integer.parseInt(text(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + values.get(name), e);
        }
    }

    /** An optional argument. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A duration given in milliseconds. */
    public Duration millis(String name) {
        return Duration.ofMillis(integer(name));
    }
}
