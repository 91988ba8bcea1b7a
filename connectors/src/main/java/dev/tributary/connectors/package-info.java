/**
 * Sinks that deliver events out of Kafka: HTTP webhook, MQTT downlink, object storage and JDBC.
 */
package dev.tributary.connectors;
