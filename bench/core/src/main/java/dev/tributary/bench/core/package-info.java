/**
 * What every contender of the benchmark shares, so that they differ only in how they consume: the function
 * ({@link dev.tributary.bench.core.Workload}), the layout of the records
 * ({@link dev.tributary.bench.core.RecordLayout}), the recorder that checks per-key order, duplicates and
 * latency ({@link dev.tributary.bench.core.CompletionRecorder}), and the life of a contender JVM
 * ({@link dev.tributary.bench.core.ContenderMain}). Nothing here depends on Kafka: each contender brings the
 * kafka-clients version it is built for.
 */
package dev.tributary.bench.core;
