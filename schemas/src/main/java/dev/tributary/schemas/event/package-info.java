/**
 * The one event shape of Tributary: a CloudEvent in the Kafka protocol binding.
 *
 * <p>{@link dev.tributary.schemas.event.KafkaEventCodec} writes events in binary mode and reads binary,
 * structured and plain Kafka records into a {@link dev.tributary.schemas.event.KafkaEvent}. A record that
 * claims to be a CloudEvent and is not one fails with a
 * {@link dev.tributary.schemas.event.MalformedEventException} that says which header or member is wrong and how.
 * {@link dev.tributary.schemas.event.EventKey} is the ordering key, compared by content.
 */
package dev.tributary.schemas.event;
