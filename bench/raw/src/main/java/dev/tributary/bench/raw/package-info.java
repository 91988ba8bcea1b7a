/** The raw-consumer limit: a plain KafkaConsumer poll loop running the benchmark function inline. */
package dev.tributary.bench.raw;
