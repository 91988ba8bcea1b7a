/**
 * Real servers that the development stack and the tests start on 127.0.0.1: a KRaft Kafka broker as a
 * child JVM ({@link dev.tributary.embedded.KafkaProcess}) and the broker settings shared with the in-JVM
 * cluster of the testkit ({@link dev.tributary.embedded.KafkaNodeConfig}).
 *
 * <p>Nothing here is on the path of production traffic: {@code tributary run} talks to an existing cluster.
 */
package dev.tributary.embedded;
