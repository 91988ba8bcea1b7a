/**
 * Real brokers for tests. {@link dev.tributary.testkit.LocalKafka} runs a KRaft cluster inside the test JVM
 * and {@link dev.tributary.testkit.WithLocalKafka} hands one to a test class; the child-process broker for
 * crash tests is {@link dev.tributary.embedded.KafkaProcess}. Everything listens on 127.0.0.1 only.
 */
package dev.tributary.testkit;
