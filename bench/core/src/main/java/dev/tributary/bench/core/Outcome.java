package dev.tributary.bench.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a contender measured in one run, as it reports it to the runner on one stdout line:
 * {@code RESULT expected=... distinct=... ...}. Times are microseconds; wall-clock ones since the epoch.
 *
 * @param expected        records the run had to complete
 * @param distinct        records completed at least once
 * @param duplicates      completions of a record already completed
 * @param orderViolations records that started while an earlier record of their key was running or after a later
 *                        record of their key had started (see {@link CompletionRecorder})
 * @param firstMicros     when the first record completed; 0 when none did
 * @param lastMicros      when the last distinct record completed
 * @param cpuMicros       CPU time the contender's JVM used, all threads, from the first completion to the last
 * @param latencyCount    completions in the latency histogram (the warm-up ones are left out)
 */
public record Outcome(long expected, long distinct, long duplicates, long orderViolations, long firstMicros,
                      long lastMicros, long cpuMicros, long latencyCount, long p50Micros, long p90Micros, long p99Micros,
                      long p999Micros, long maxMicros) {

    public static final String PREFIX = "RESULT ";

    public boolean complete() {
        return distinct >= expected;
    }

    public String toLine() {
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put("expected", expected);
        fields.put("distinct", distinct);
        fields.put("duplicates", duplicates);
        fields.put("orderViolations", orderViolations);
        fields.put("firstMicros", firstMicros);
        fields.put("lastMicros", lastMicros);
        fields.put("cpuMicros", cpuMicros);
        fields.put("latencyCount", latencyCount);
        fields.put("p50Micros", p50Micros);
        fields.put("p90Micros", p90Micros);
        fields.put("p99Micros", p99Micros);
        fields.put("p999Micros", p999Micros);
        fields.put("maxMicros", maxMicros);
        StringBuilder line = new StringBuilder(PREFIX.strip());
        fields.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        return line.toString();
    }

    /** The outcome on a line written by {@link #toLine()}. */
    public static Outcome parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        Map<String, Long> fields = new LinkedHashMap<>();
        for (String field : line.substring(PREFIX.length()).trim().split(" +")) {
            int equals = field.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("malformed field '" + field + "' in " + line);
            }
            fields.put(field.substring(0, equals), Long.parseLong(field.substring(equals + 1)));
        }
        return new Outcome(get(fields, "expected"), get(fields, "distinct"), get(fields, "duplicates"),
                get(fields, "orderViolations"), get(fields, "firstMicros"), get(fields, "lastMicros"),
                get(fields, "cpuMicros"), get(fields, "latencyCount"), get(fields, "p50Micros"), get(fields, "p90Micros"),
                get(fields, "p99Micros"), get(fields, "p999Micros"), get(fields, "maxMicros"));
    }

    private static long get(Map<String, Long> fields, String name) {
        Long value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("result line without " + name + ": " + fields);
        }
        return value;
    }
}
