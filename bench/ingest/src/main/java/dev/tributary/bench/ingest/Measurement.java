package dev.tributary.bench.ingest;

/**
 * What one contender did in its measurement window.
 *
 * @param contender          {@code tributary-http}, {@code producer-perf-1k}, ...
 * @param eventsPerSec       events acknowledged per second of the window
 * @param latency            acknowledgement latency within the window
 * @param delivery           acknowledged against what is on the topic, for the whole run
 * @param meanRecordBytes    the mean Kafka record (key, value, headers) the contender wrote, from a sample
 * @param cpu                CPU time per event of each JVM on the path
 * @param loadAverageAtStart the machine's one-minute load average when the contender started
 * @param failure            why the contender could not be measured, or null
 */
record Measurement(String contender, double eventsPerSec, Latency latency, Delivery delivery, double meanRecordBytes,
                   CpuCost cpu, double loadAverageAtStart, String failure) {

    static Measurement failed(String contender, double loadAverageAtStart, String failure) {
        return new Measurement(contender, Double.NaN, Latency.NONE, Delivery.NONE, Double.NaN, CpuCost.NONE,
                loadAverageAtStart, failure);
    }

    boolean succeeded() {
        return failure == null;
    }
}
