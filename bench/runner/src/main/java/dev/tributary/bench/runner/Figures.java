package dev.tributary.bench.runner;

import java.util.Arrays;

/** The arithmetic of the report, kept in one place so that it is tested once. */
final class Figures {

    private Figures() {
    }

    /**
     * The completion rate of {@code completed} records whose first completed at {@code firstMicros} and last at
     * {@code lastMicros}: {@code n} completions span {@code n - 1} intervals. NaN when fewer than two completed.
     */
    static double recordsPerSec(long completed, long firstMicros, long lastMicros) {
        if (completed < 2 || lastMicros <= firstMicros) {
            return Double.NaN;
        }
        return (completed - 1) * 1_000_000.0 / (lastMicros - firstMicros);
    }

    /** The median of the values that are numbers; NaN when there are none. */
    static double median(double... values) {
        double[] numbers = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (numbers.length == 0) {
            return Double.NaN;
        }
        int middle = numbers.length / 2;
        return numbers.length % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
    }

    static double min(double... values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
    }

    static double max(double... values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    /** {@code numerator / denominator}, or NaN when either is missing or the denominator is not positive. */
    static double ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    /** The spread of runs as a share of their median: (max - min) / median. */
    static double relativeSpread(double median, double min, double max) {
        return ratio(max - min, median);
    }
}
