/**
 * Real servers that the development stack, the demo and the tests start on 127.0.0.1, each as a child process that
 * follows its parent out: a KRaft Kafka broker ({@link dev.tributary.embedded.KafkaProcess}), a schema registry
 * ({@link dev.tributary.embedded.SchemaRegistryProcess}) and an S3-compatible store
 * ({@link dev.tributary.embedded.S3Process}), with the broker settings shared with the in-JVM cluster of the testkit
 * ({@link dev.tributary.embedded.KafkaNodeConfig}).
 *
 * <p>Nothing here is on the path of production traffic: {@code tributary run} talks to an existing cluster.
 */
package dev.tributary.embedded;
