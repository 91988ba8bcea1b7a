package dev.tributary.schemas.codec;

/**
 * Data that a {@link DataCodec} cannot encode or decode. The message names the codec and the problem
 * precisely enough to act on, because it travels with the record to its dead-letter topic.
 *
 * <p>Most such failures are the data's own and final. A codec that depends on a service (Avro on a schema
 * registry) may fail only for now, when the service does not answer: {@link #retriable()} tells these apart, so
 * that a registry outage delays records rather than dead-lettering them.
 */
public class DataCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    public DataCodecException(String message) {
        this(message, null, false);
    }

    public DataCodecException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param retriable whether the same data may encode or decode when tried again */
    public DataCodecException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether trying the same data again can succeed: false for data that is wrong in itself. */
    public boolean retriable() {
        return retriable;
    }
}
