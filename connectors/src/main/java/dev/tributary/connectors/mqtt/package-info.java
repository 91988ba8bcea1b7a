/**
 * The MQTT downlink sink: {@link dev.tributary.connectors.mqtt.MqttDownlinkSink} publishes each event to an MQTT 5
 * broker on a topic made from the event (such as {@code devices/{key}/commands}) and completes it when the broker has
 * acknowledged it.
 */
package dev.tributary.connectors.mqtt;
