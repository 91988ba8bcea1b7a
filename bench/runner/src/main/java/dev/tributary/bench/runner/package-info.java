/**
 * The benchmark runner: starts a child-process Kafka broker, loads the records, runs every contender of every
 * scenario in a JVM of its own with the same JVM flags, and writes the report (Markdown table, JSON with every
 * figure, SVG chart). {@link dev.tributary.bench.runner.BenchMain} is the entry point that {@code bench/run}
 * calls.
 */
package dev.tributary.bench.runner;
