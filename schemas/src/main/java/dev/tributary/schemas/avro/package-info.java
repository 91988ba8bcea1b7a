/**
 * Avro data in the Confluent wire format: Kafka {@link org.apache.kafka.common.serialization.Serializer} and
 * {@link org.apache.kafka.common.serialization.Deserializer} implementations for generated (specific) and
 * generic records, and {@link dev.tributary.schemas.avro.AvroCodec}, the
 * {@link dev.tributary.schemas.codec.DataCodec} for {@code application/avro} event data.
 *
 * <p>The wire format is a magic byte {@code 0}, the writer schema's registry id as a 4-byte big-endian int,
 * then the Avro binary encoding of the datum. Readers resolve the writer schema (fetched by id) against their
 * reader schema, so consumers upgraded to a newer, backward-compatible schema read old data.
 * {@link dev.tributary.schemas.avro.AvroSerdeConfig} declares every setting.
 */
package dev.tributary.schemas.avro;
