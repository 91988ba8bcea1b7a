package dev.tributary.ingest.storage;

/**
 * {@link StoragePolling#poll()} was called on a poller on standby: another poller of the same name, bucket and prefix
 * (usually on another replica) is the active one, and only that one lists the bucket. Nothing was listed or
 * published; {@link StoragePolling#isActive()} tells which poller to ask.
 */
public final class StandbyPollerException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StandbyPollerException(String message) {
        super(message);
    }
}
