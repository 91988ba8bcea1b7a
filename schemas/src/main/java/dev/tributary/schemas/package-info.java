/**
 * Avro schemas, the CloudEvents-on-Kafka codec, and a Confluent-compatible schema registry client and serdes.
 */
package dev.tributary.schemas;
