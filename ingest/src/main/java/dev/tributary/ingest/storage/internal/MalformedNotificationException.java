package dev.tributary.ingest.storage.internal;

/**
 * A webhook body that is not a bucket notification this adapter reads, naming the field at fault (such as
 * {@code Records[2].s3.object.key}) and what it should hold. Nothing of the body is published.
 */
public final class MalformedNotificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MalformedNotificationException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
    }

    /** The JSON path of the field at fault, or {@code body} for the body as a whole. */
    public String field() {
        return field;
    }
}
