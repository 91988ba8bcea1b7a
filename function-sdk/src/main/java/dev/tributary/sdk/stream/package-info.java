/**
 * Stream functions: stateful steps (windows, aggregations, joins) written with the Kafka Streams DSL, run by
 * Tributary with exactly-once processing.
 *
 * <p>A function implements {@link dev.tributary.sdk.stream.StreamFunction} and describes its topology on a
 * {@link dev.tributary.sdk.stream.StreamBuilder}, which reads CloudEvents from the subscribed topics as decoded data
 * and writes results back as CloudEvents ({@link dev.tributary.sdk.stream.StreamOutput}), with
 * {@link dev.tributary.sdk.stream.StreamSerdes} for the values it stores.
 * {@link dev.tributary.sdk.stream.StreamFunctionTester} runs it in a unit test on Kafka Streams' test driver.
 *
 * <p>Kafka Streams is an optional dependency of the SDK, so event functions never carry it: a stream function
 * declares {@code org.apache.kafka:kafka-streams} itself (scope {@code provided}), and its tests
 * {@code org.apache.kafka:kafka-streams-test-utils}, both at the version Tributary runs.
 */
package dev.tributary.sdk.stream;
