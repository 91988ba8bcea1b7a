/**
 * The readers behind {@link dev.tributary.schemas.event.KafkaEventCodec}: one per content mode, and the
 * attribute validation that binary and structured mode share so both report a bad attribute the same way.
 * Not API.
 */
package dev.tributary.schemas.event.internal;
