package dev.tributary.ingest.storage;

/**
 * A poll that did not finish: the listing failed, Kafka did not acknowledge the events, or the checkpoint could not
 * be written. Whatever was published and checkpointed before the failure stays done; the rest is found again and
 * published by the next poll, so nothing is lost, and a change may be published twice (with the same event id).
 * The message says which step failed and what to check.
 */
public final class StoragePollException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoragePollException(String message, Throwable cause) {
        super(message, cause);
    }
}
