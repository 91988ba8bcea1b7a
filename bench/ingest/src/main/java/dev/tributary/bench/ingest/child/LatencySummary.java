package dev.tributary.bench.ingest.child;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of acknowledgement latency, in microseconds. HdrHistogram reports a percentile as the highest value
 * equivalent to the recorded one at three significant digits, so a figure can exceed the exact sample by 0.1 %.
 */
public record LatencySummary(long count, long p50Micros, long p90Micros, long p99Micros, long p999Micros,
                             long maxMicros, double meanMicros) {

    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencySummary(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), histogram.getMaxValue(), histogram.getMean());
    }
}
