package dev.tributary.bench.ingest;

import java.util.List;

/** The loads and the baseline's producer settings: one place, so that the report states what was run. */
final class Workloads {

    static final int PARTITIONS = 12;

    static final int HTTP_CLIENTS = 64;
    static final int HTTP_EVENT_BYTES = 1024;

    static final int MQTT_DEVICES = 100;
    static final int MQTT_PAYLOAD_BYTES = 100;
    /**
     * Messages a device may have awaiting their PUBACK. The adapter publishes a device's messages one after another
     * (per-key order), so a window above 1 adds queueing, not throughput; 2 keeps each device's next message
     * waiting at the adapter, so that the device's own round trip never leaves its key idle. A PUBACK's latency is
     * then about two Kafka round trips.
     */
    static final int MQTT_IN_FLIGHT_PER_DEVICE = 2;

    /**
     * ProducerPerformance's producer: the settings the ingest publisher fixes or defaults to ({@code acks=all},
     * idempotence, LZ4, 5 ms linger, 64 KiB batches, a 32 MiB buffer, 5 requests in flight).
     */
    static final List<String> BASELINE_PRODUCER = List.of(
            "acks=all",
            "enable.idempotence=true",
            "compression.type=lz4",
            "linger.ms=5",
            "batch.size=65536",
            "buffer.memory=33554432",
            "max.in.flight.requests.per.connection=5");

    /** Every JVM of the benchmark but the broker gets these, so that no contender has a larger heap or other GC. */
    static final List<String> JVM_FLAGS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
            // ProducerPerformance prints its figures with the default locale: fix it so they parse.
            "-Duser.language=en", "-Duser.country=US");

    /** Kafka's own distribution starts the broker with a 1 GiB heap and G1. */
    static final List<String> BROKER_JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

    private Workloads() {
    }
}
