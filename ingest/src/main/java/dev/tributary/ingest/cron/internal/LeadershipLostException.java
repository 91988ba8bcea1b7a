package dev.tributary.ingest.cron.internal;

/**
 * The transactional producer can no longer write: another replica fenced it by taking over, or it hit an error
 * that leaves it unusable. The leader stops firing; it takes over again only through a fresh
 * {@code initTransactions()} and a fresh read of the checkpoint, never with what it had in memory.
 */
final class LeadershipLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LeadershipLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
