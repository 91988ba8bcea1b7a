package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.storage.PollOutcome;
import dev.tributary.ingest.storage.StandbyPollerException;
import dev.tributary.ingest.storage.StorageMetrics;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica polls a scope now, and the poller of its current term.
 *
 * <pre>
 * standby ──activate: checkpoint read to its end──► active
 *    ▲                                                   │
 *    └──── deactivate: the poll in progress ends first ──┘
 * </pre>
 *
 * <p>Each term starts from the checkpoint as it is then, not from this replica's memory: another replica may have
 * polled in between. Polls, activation and deactivation hold one lock, so a deactivation waits for a poll in
 * progress to finish and checkpoint what it published, and nothing polls after it returns.
 */
public final class ActivePoller {

    private static final Logger LOG = LoggerFactory.getLogger(ActivePoller.class);

    private final String scope;
    private final Supplier<SortedMap<String, ObjectVersion>> checkpoint;
    private final Function<SortedMap<String, ObjectVersion>, SnapshotPoller> terms;
    private final StorageMetrics.SourceMeters meters;
    /** Present exactly while active. */
    private SnapshotPoller term;
    private volatile boolean active;

    /**
     * @param scope      the scope in messages, such as {@code storage poller 'invoices' of bucket 'acme' under '2025/'}
     * @param checkpoint reads the checkpoint to its end
     * @param terms      a poller that continues from what a checkpoint holds
     */
    public ActivePoller(String scope, Supplier<SortedMap<String, ObjectVersion>> checkpoint,
                        Function<SortedMap<String, ObjectVersion>, SnapshotPoller> terms,
                        StorageMetrics.SourceMeters meters) {
        this.scope = scope;
        this.checkpoint = checkpoint;
        this.terms = terms;
        this.meters = meters;
        meters.active(false);
    }

    public boolean isActive() {
        return active;
    }

    /**
     * Reads the checkpoint and becomes the active poller. Does nothing when active already.
     *
     * @throws IllegalStateException when the checkpoint cannot be read; this replica stays on standby
     */
    public synchronized void activate() {
        if (term != null) {
            return;
        }
        term = terms.apply(checkpoint.get());
        active = true;
        meters.active(true);
        LOG.info("{}: active, polling", scope);
    }

    /** Waits for a poll in progress, then polls no more. Does nothing on standby. */
    public synchronized void deactivate(String reason) {
        if (term == null) {
            return;
        }
        term = null;
        active = false;
        meters.active(false);
        LOG.info("{}: on standby: {}", scope, reason);
    }

    /**
     * Polls once, now.
     *
     * @throws StandbyPollerException when another replica is the active poller
     * @throws dev.tributary.ingest.storage.StoragePollException when a step of the poll fails
     */
    public synchronized PollOutcome poll() {
        if (term == null) {
            throw new StandbyPollerException(scope + " is on standby: another poller of the same name, bucket and "
                    + "prefix is active and polls; call poll() on that one, or wait until isActive()");
        }
        return term.poll();
    }

    /** A scheduled poll: polls when active, does nothing on standby. */
    public synchronized void pollIfActive() {
        if (term != null) {
            term.poll();
        }
    }
}
