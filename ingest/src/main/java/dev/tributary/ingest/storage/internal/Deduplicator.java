package dev.tributary.ingest.storage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notifications published within the last window, by identity, at most a given number of them (the oldest go
 * first). Only what Kafka acknowledged is remembered, so a delivery whose publish failed is never dropped when the
 * store retries it. Thread-safe.
 */
public final class Deduplicator {

    private final Duration window;
    private final int maxRemembered;
    private final Clock clock;
    /** Insertion order is age order: the oldest entry is first. */
    private final LinkedHashMap<String, Instant> remembered = new LinkedHashMap<>();

    /** @param window how long to remember; zero remembers nothing */
    public Deduplicator(Duration window, int maxRemembered, Clock clock) {
        this.window = window;
        this.maxRemembered = maxRemembered;
        this.clock = clock;
    }

    /** Whether a notification with this identity was published within the window. */
    public synchronized boolean seen(String identity) {
        forgetExpired(clock.instant());
        return remembered.containsKey(identity);
    }

    /** Remembers notifications whose events Kafka has just acknowledged. */
    public synchronized void remember(Collection<String> identities) {
        if (window.isZero()) {
            return;
        }
        Instant now = clock.instant();
        forgetExpired(now);
        for (String identity : identities) {
            remembered.remove(identity); // to the end of the age order
            remembered.put(identity, now);
        }
        Iterator<String> oldest = remembered.keySet().iterator();
        while (remembered.size() > maxRemembered) {
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized int size() {
        return remembered.size();
    }

    private void forgetExpired(Instant now) {
        Instant cutoff = now.minus(window);
        Iterator<Map.Entry<String, Instant>> entries = remembered.entrySet().iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue().isAfter(cutoff)) {
                return;
            }
            entries.remove();
        }
    }
}
