/**
 * Real brokers for tests. {@link dev.tributary.testkit.LocalKafka} runs a KRaft cluster inside the test JVM
 * and {@link dev.tributary.testkit.WithLocalKafka} hands one to a test class; the child-process broker for
 * crash tests is {@link dev.tributary.embedded.KafkaProcess}. {@link dev.tributary.testkit.WithMosquitto} gives a test
 * class a real MQTT broker ({@link dev.tributary.testkit.MosquittoBroker}). Everything listens on 127.0.0.1 only.
 */
package dev.tributary.testkit;
