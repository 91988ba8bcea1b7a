package dev.tributary.ingest.publish.internal;

/**
 * How much work the publisher holds that Kafka has not acknowledged yet, counted in events and in record bytes,
 * with a ceiling on each. Work is taken as a whole or not at all, so a batch is never half admitted; each event is
 * given back when Kafka acknowledges it or it fails, so the budget measures what the producer really holds.
 *
 * <p>Thread-safe; the lock is held for a few arithmetic operations only.
 */
public final class InFlightBudget {

    /** The answer to a request for room. */
    public enum Verdict {
        /** The room is taken; give it back as the work completes. */
        TAKEN,
        /** Not enough room now: the work must be refused until Kafka catches up. */
        FULL,
        /** More than the whole budget: the work can never be admitted. */
        TOO_LARGE
    }

    private final int maxEvents;
    private final long maxBytes;
    private int events;
    private long bytes;

    public InFlightBudget(int maxEvents, long maxBytes) {
        if (maxEvents < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("an in-flight budget needs room for at least one event and one byte");
        }
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** Takes room for {@code eventCount} events of {@code byteCount} bytes in all, if there is room for all of it. */
    public synchronized Verdict tryTake(int eventCount, long byteCount) {
        if (eventCount > maxEvents || byteCount > maxBytes) {
            return Verdict.TOO_LARGE;
        }
        if (events + eventCount > maxEvents || bytes + byteCount > maxBytes) {
            return Verdict.FULL;
        }
        events += eventCount;
        bytes += byteCount;
        return Verdict.TAKEN;
    }

    /** Gives back room taken before, as events complete. */
    public synchronized void giveBack(int eventCount, long byteCount) {
        if (eventCount > events || byteCount > bytes) {
            throw new IllegalStateException("giving back " + eventCount + " events of " + byteCount
                    + " bytes, but only " + events + " events of " + bytes + " bytes are in flight");
        }
        events -= eventCount;
        bytes -= byteCount;
    }

    public synchronized int events() {
        return events;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public int maxEvents() {
        return maxEvents;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
