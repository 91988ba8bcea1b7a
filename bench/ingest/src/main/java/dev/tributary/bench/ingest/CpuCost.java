package dev.tributary.bench.ingest;

import java.time.Duration;

/**
 * CPU time per event, in microseconds, of each JVM on a path: what an event costs whoever else uses the cores.
 * NaN where a path has no such JVM (ProducerPerformance has no adapter) or it was not measured.
 *
 * @param adapterMicros the adapter JVM (Vert.x, the publisher, the Kafka producer)
 * @param clientMicros  the load generator, or ProducerPerformance itself
 * @param brokerMicros  the broker JVM
 */
record CpuCost(double adapterMicros, double clientMicros, double brokerMicros) {

    static final CpuCost NONE = new CpuCost(Double.NaN, Double.NaN, Double.NaN);

    static double perEvent(Duration from, Duration to, long events) {
        return events <= 0 ? Double.NaN : to.minus(from).toNanos() / 1_000.0 / events;
    }
}
