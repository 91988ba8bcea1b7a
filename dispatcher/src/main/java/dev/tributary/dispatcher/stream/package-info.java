/**
 * Runs stream functions ({@link dev.tributary.sdk.stream.StreamFunction}) on Kafka Streams with exactly-once
 * processing: {@link dev.tributary.dispatcher.stream.StreamFunctionRunner} starts one from its
 * {@link dev.tributary.dispatcher.stream.StreamFunctionSettings}, with its meters in
 * {@link dev.tributary.dispatcher.stream.StreamFunctionMetrics}.
 */
package dev.tributary.dispatcher.stream;
