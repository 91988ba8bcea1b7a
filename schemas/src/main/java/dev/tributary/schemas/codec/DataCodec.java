package dev.tributary.schemas.codec;

/**
 * Turns the data of an event into a typed value and back, so that a function declares the type it wants and
 * does not care how the data travelled (JSON, Avro in the Confluent wire format, raw bytes or text).
 *
 * <p>Implementations are thread-safe: one instance serves every partition of a function.
 *
 * @param <T> the type function code sees
 */
public interface DataCodec<T> {

    /** The content type this codec writes, as the event's {@code datacontenttype} and {@code content-type} header. */
    String contentType();

    /**
     * Encodes {@code value} for a record of {@code topic}; the topic matters to codecs whose schema subject
     * is named after it.
     *
     * @throws DataCodecException when the value cannot be encoded
     */
    byte[] encode(String topic, T value);

    /**
     * Decodes the data of a record read from {@code topic}.
     *
     * @throws DataCodecException naming what is wrong with the bytes; such a record is a poison record
     */
    T decode(String topic, byte[] data);
}
