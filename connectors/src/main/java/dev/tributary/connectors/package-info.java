/**
 * Sinks that deliver events out of Kafka. Each is a built-in function, declared in {@code tributary.yaml} like any
 * other (subscription, ordering, concurrency, retries, dead letters) with its settings under {@code config}:
 * {@link dev.tributary.connectors.http.WebhookSink} POSTs events to a URL,
 * {@link dev.tributary.connectors.jdbc.JdbcUpsertSink} upserts them into PostgreSQL,
 * {@link dev.tributary.connectors.storage.ObjectStorageSink} writes them in batches to an S3-compatible bucket and
 * {@link dev.tributary.connectors.mqtt.MqttDownlinkSink} publishes them to an MQTT broker. docs/connectors.md is the
 * reference.
 */
package dev.tributary.connectors;
