package dev.tributary.dispatcher;

/** Counts of what a dispatcher did with the records it read, since it started. Thread-safe. */
public interface DispatcherStats {

    /** Records whose event the subscription's filter rejected: committed, never invoked. */
    long filtered();

    /** Records that are not a valid event: logged and committed, never invoked. */
    long undecodable();

    /** Invocations that completed, outputs written. */
    long succeeded();

    /** Invocations that failed. */
    long failed();

    /** Records read and waiting for their turn, over all partitions, as of the dispatcher's last turn. */
    long buffered();

    /** Invocations running now, as of the dispatcher's last turn. */
    long inFlight();
}
