/**
 * The ingest benchmark's runner: starts a child-process Kafka broker, runs each contender (the HTTP and MQTT
 * adapters under load, and Kafka's ProducerPerformance with the same producer settings) in JVMs of its own, checks
 * that every acknowledged event is on its topic, and writes the report. {@link
 * dev.tributary.bench.ingest.IngestBenchMain} is the entry point that {@code bench/run-ingest} calls.
 */
package dev.tributary.bench.ingest;
