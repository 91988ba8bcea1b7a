/**
 * How the MQTT downlink sink works: its settings, topic templates, the message each event becomes, the connection
 * with its reconnects, and the classification of publish failures.
 */
package dev.tributary.connectors.mqtt.internal;
