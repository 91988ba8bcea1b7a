package dev.tributary.dispatcher;

/** Counts of what a dispatcher did with the records it read, since it started. Thread-safe. */
public interface DispatcherStats {

    /** Records whose event the subscription's filter rejected: committed, never invoked. */
    long filtered();

    /** Records that are not a valid event: sent to the dead-letter topic, never invoked. */
    long undecodable();

    /** Invocations that completed, outputs written. */
    long succeeded();

    /** Attempts that failed, whether they were retried or not. */
    long failed();

    /** Failed attempts that were scheduled to be tried again. */
    long retried();

    /** Records written to the dead-letter topic: after the last attempt, not retryable, or not a valid event. */
    long deadLettered();

    /** Records read and waiting for their turn, over all partitions, as of the dispatcher's last turn. */
    long buffered();

    /** Invocations running now, as of the dispatcher's last turn. */
    long inFlight();

    /** The adaptive limit on invocations in flight now, between the floor and the cap. */
    int concurrencyLimit();
}
