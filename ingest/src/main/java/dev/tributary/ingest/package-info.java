/**
 * Adapters that publish HTTP, MQTT, object-storage and cron events to Kafka, acknowledging clients only after Kafka has them.
 */
package dev.tributary.ingest;
