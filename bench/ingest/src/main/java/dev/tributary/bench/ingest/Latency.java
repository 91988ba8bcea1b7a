package dev.tributary.bench.ingest;

import dev.tributary.bench.ingest.child.LatencySummary;

/**
 * Acknowledgement latency of a contender's measured events, in milliseconds; NaN where not measured.
 * ProducerPerformance reports its percentiles in whole milliseconds, the load generators in microseconds.
 */
record Latency(double meanMs, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

    static final Latency NONE = new Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Latency of(LatencySummary summary) {
        if (summary.count() == 0) {
            return NONE;
        }
        return new Latency(summary.meanMicros() / 1000.0, summary.p50Micros() / 1000.0,
                summary.p99Micros() / 1000.0, summary.p999Micros() / 1000.0, summary.maxMicros() / 1000.0);
    }

    /**
     * The events waiting for their acknowledgement on average, by Little's law: throughput × mean latency. For a
     * closed-loop load it comes out at the generator's fixed number in flight, which shows that the throughput is
     * that number over the latency; for ProducerPerformance it shows how much its buffer holds.
     */
    double meanInFlight(double eventsPerSec) {
        return eventsPerSec * meanMs / 1000.0;
    }
}
