/**
 * Adapters that publish HTTP, MQTT, object-storage and cron events to Kafka, acknowledging clients only after Kafka
 * has them.
 *
 * <p>Each adapter has a package of its own, such as {@code dev.tributary.ingest.http}; {@code
 * dev.tributary.ingest.publish} holds the publisher they can share, and {@code dev.tributary.ingest.metrics} the
 * catalogue of the HTTP and publisher meters.
 */
package dev.tributary.ingest;
