/** The MQTT contender: the adapter JVM ({@code MqttDirectIngest} on a {@code KafkaPublisher}) and the devices JVM. */
package dev.tributary.bench.ingest.mqtt;
