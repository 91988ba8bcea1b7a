package dev.tributary.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Kafka's ProducerPerformance prints: a line per reporting interval while it runs, then a summary of
 * the whole run and, with {@code --warmup-records}, a summary of the steady state after the warm-up records.
 * <pre>
 * 249841 records sent, 49968.2 records/sec (48.80 MB/sec), 53.2 ms avg latency, 171.0 ms max latency.
 * 1000000 records sent, 49843.740346 records/sec (48.68 MB/sec), 61.34 ms avg latency, 410.00 ms max latency, 50 ms 50th, 148 ms 95th, 298 ms 99th, 390 ms 99.9th.
 * 800000 steady state records sent, 51020.408163 records/sec (...), ... 99.9th.
 * </pre>
 * Only records whose send Kafka acknowledged are counted.
 */
final class ProducerPerfOutput {

    private static final Pattern SUMMARY = Pattern.compile("^(\\d+)( steady state)? records sent, ([0-9.]+) records/sec"
            + " \\([0-9.]+ MB/sec\\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th,"
            + " (\\d+) ms 99th, (\\d+) ms 99\\.9th\\.$");
    private static final Pattern WINDOW = Pattern.compile("^(\\d+) records sent, ([0-9.]+) records/sec"
            + " \\([0-9.]+ MB/sec\\), [0-9.]+ ms avg latency, [0-9.]+ ms max latency\\.$");

    /** A summary line: the whole run, or its steady state. Percentiles are in whole milliseconds. */
    record Summary(long records, double recordsPerSec, double avgMs, double maxMs, long p50Ms, long p95Ms, long p99Ms,
                   long p999Ms, boolean steadyState) {

        Latency latency() {
            return new Latency(avgMs, p50Ms, p99Ms, p999Ms, maxMs);
        }
    }

    /** The summaries among {@code lines}: the whole run's, then the steady state's if there was a warm-up. */
    record Summaries(Optional<Summary> whole, Optional<Summary> steadyState) {
    }

    private ProducerPerfOutput() {
    }

    static Optional<Summary> summary(String line) {
        Matcher m = SUMMARY.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Summary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)),
                Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), Long.parseLong(m.group(9)),
                m.group(2) != null));
    }

    static Summaries summaries(List<String> lines) {
        Optional<Summary> whole = Optional.empty();
        Optional<Summary> steady = Optional.empty();
        for (String line : lines) {
            Optional<Summary> summary = summary(line);
            if (summary.isPresent() && summary.get().steadyState()) {
                steady = summary;
            } else if (summary.isPresent()) {
                whole = summary;
            }
        }
        return new Summaries(whole, steady);
    }

    /** The records/s of an interval line. */
    static OptionalDouble windowRate(String line) {
        Matcher m = WINDOW.matcher(line.strip());
        return m.matches() ? OptionalDouble.of(Double.parseDouble(m.group(2))) : OptionalDouble.empty();
    }

    /**
     * The rate to size a measured run by, from the interval rates of a calibration run: their median without the
     * first interval, which holds the JVM's start and the producer's first metadata request.
     */
    static OptionalDouble calibratedRate(List<Double> windowRates) {
        if (windowRates.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> settled = new ArrayList<>(windowRates.size() > 1
                ? windowRates.subList(1, windowRates.size()) : windowRates);
        settled.sort(Double::compare);
        int middle = settled.size() / 2;
        return OptionalDouble.of(settled.size() % 2 == 1 ? settled.get(middle)
                : (settled.get(middle - 1) + settled.get(middle)) / 2);
    }
}
