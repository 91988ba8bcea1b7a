package dev.tributary.bench.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the runner tells a contender JVM, as {@code --name value} pairs: where to read, what to run and when the
 * run is over.
 *
 * @param bootstrap    the broker
 * @param topic        the topic to read from its earliest offset
 * @param group        a consumer group of its own, never used before
 * @param ordering     the order the scenario asks for
 * @param cap          the most records in flight, for the contenders that have such a cap
 * @param work         how long the function works per record
 * @param keys         how many distinct keys the records have
 * @param expected     how many distinct records complete the run
 * @param warmup       after the first completion, how long produced records are left out of the latency histogram
 * @param stallTimeout how long without a new completion before the run is given up
 */
public record ContenderArgs(String bootstrap, String topic, String group, Ordering ordering, int cap,
                            Duration work, int keys, long expected, Duration warmup, Duration stallTimeout) {

    public ContenderArgs {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(ordering, "ordering");
        if (cap < 1) {
            throw new IllegalArgumentException("--cap must be at least 1, not " + cap);
        }
        if (keys < 1 || keys > RecordLayout.MAX_KEYS) {
            throw new IllegalArgumentException("--keys must be 1.." + RecordLayout.MAX_KEYS + ", not " + keys);
        }
    }

    /** How the records of one key must be ordered. */
    public enum Ordering {
        /** One record of a key at a time, in sequence order (partition order satisfies it too). */
        KEY,
        /** Any order. */
        UNORDERED
    }

    public List<String> toArgs() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bootstrap", bootstrap);
        values.put("topic", topic);
        values.put("group", group);
        values.put("ordering", ordering.name().toLowerCase());
        values.put("cap", String.valueOf(cap));
        values.put("work-ms", String.valueOf(work.toMillis()));
        values.put("keys", String.valueOf(keys));
        values.put("expected", String.valueOf(expected));
        values.put("warmup-ms", String.valueOf(warmup.toMillis()));
        values.put("stall-seconds", String.valueOf(stallTimeout.toSeconds()));
        List<String> args = new ArrayList<>();
        values.forEach((name, value) -> {
            args.add("--" + name);
            args.add(value);
        });
        return args;
    }

    public static ContenderArgs parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new ContenderArgs(required(values, "bootstrap"), required(values, "topic"), required(values, "group"),
                Ordering.valueOf(required(values, "ordering").toUpperCase()),
                Integer.parseInt(required(values, "cap")),
                Duration.ofMillis(Long.parseLong(required(values, "work-ms"))),
                Integer.parseInt(required(values, "keys")), Long.parseLong(required(values, "expected")),
                Duration.ofMillis(Long.parseLong(required(values, "warmup-ms"))),
                Duration.ofSeconds(Long.parseLong(required(values, "stall-seconds"))));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
