/**
 * The MQTT ingest adapter, in two modes over one shared publisher.
 *
 * <p>{@link dev.tributary.ingest.mqtt.MqttDirectIngest} is an MQTT endpoint that devices connect to;
 * {@link dev.tributary.ingest.mqtt.MqttBridgeIngest} subscribes to an existing MQTT 5 broker with shared
 * subscriptions. Both turn each message into a CloudEvent on the Kafka topic of the first
 * {@link dev.tributary.ingest.mqtt.MqttMapping} whose filter matches its topic, and acknowledge it to their MQTT
 * peer only once Kafka has it. {@link dev.tributary.ingest.mqtt.MqttDirectSettings} and
 * {@link dev.tributary.ingest.mqtt.MqttBridgeSettings} hold their settings, {@link dev.tributary.ingest.mqtt.MqttMetrics}
 * their meters; everything in {@code internal} is their internals.
 */
package dev.tributary.ingest.mqtt;
