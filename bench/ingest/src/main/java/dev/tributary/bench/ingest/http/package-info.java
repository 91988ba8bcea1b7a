/** The HTTP contender: the adapter JVM ({@code HttpIngest} on a {@code KafkaPublisher}) and the load JVM. */
package dev.tributary.bench.ingest.http;
