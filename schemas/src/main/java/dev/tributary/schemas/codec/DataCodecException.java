package dev.tributary.schemas.codec;

/**
 * Data that a {@link DataCodec} cannot encode or decode. The message names the codec and the problem
 * precisely enough to act on, because it travels with the record to its dead-letter topic.
 */
public class DataCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataCodecException(String message) {
        super(message);
    }

    public DataCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
