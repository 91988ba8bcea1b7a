/**
 * The data of an event as the type a function wants: {@link dev.tributary.schemas.codec.DataCodec} is the seam,
 * {@link dev.tributary.schemas.codec.DataCodecs} makes the JSON, raw bytes and UTF-8 text codecs.
 * Every codec is thread-safe and fails only with {@link dev.tributary.schemas.codec.DataCodecException}.
 */
package dev.tributary.schemas.codec;
