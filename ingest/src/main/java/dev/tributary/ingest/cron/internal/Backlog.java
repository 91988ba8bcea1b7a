package dev.tributary.ingest.cron.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fire times of a schedule that are due: after its horizon (the last fire time handled) and at or before now.
 * The most recent ones, up to a bound, are listed oldest first; the earlier ones are only counted.
 *
 * <p>Listing walks the fire times one by one from the horizon, which is cheap for any normal gap (about ten
 * microseconds a fire time). After a long downtime of a frequent schedule (a month of a schedule every second is
 * millions of fire times) it gives up after {@value #SCAN_LIMIT} and instead searches for a window ending now that
 * holds the most recent ones; the count of earlier ones is then a lower bound.
 *
 * @param latest          the most recent due fire times, oldest first, at most the bound asked for
 * @param earlier         how many fire times are due before {@code latest}
 * @param earlierIsAtLeast whether {@code earlier} is a lower bound rather than the exact count
 */
public record Backlog(List<Instant> latest, long earlier, boolean earlierIsAtLeast) {

    static final int SCAN_LIMIT = 10_000;
    private static final int MAX_WINDOWS = 64;
    private static final Duration SECOND = Duration.ofSeconds(1);

    public Backlog {
        latest = List.copyOf(latest);
    }

    /** Whether nothing is due. */
    public boolean isEmpty() {
        return latest.isEmpty();
    }

    /** The fire times in ({@code horizon}, {@code now}]: the most recent {@code keep} listed, the others counted. */
    public static Backlog of(FireTimes times, Instant horizon, Instant now, int keep) {
        Scan fromHorizon = Scan.run(times, horizon, now, keep);
        if (fromHorizon.reachedNow()) {
            return new Backlog(fromHorizon.kept(), fromHorizon.count() - fromHorizon.kept().size(), false);
        }
        return farBehind(times, horizon, fromHorizon, now, keep);
    }

    /**
     * Finds the most recent {@code keep} fire times by scanning windows that end now: a window too long holds more
     * than a scan may walk, one too short holds fewer than {@code keep}; between the two, the search halves.
     */
    private static Backlog farBehind(FireTimes times, Instant horizon, Scan fromHorizon, Instant now, int keep) {
        Instant scanned = fromHorizon.position();
        Duration perFireTime = Duration.between(horizon, scanned).dividedBy(SCAN_LIMIT);
        Duration window = max(SECOND, perFireTime.multipliedBy(2L * keep));
        Duration tooShort = null;
        Duration tooLong = null;
        Scan best = null;
        boolean exact = false;
        for (int attempt = 0; attempt < MAX_WINDOWS; attempt++) {
            Instant origin = later(scanned, now.minus(window));
            Scan scan = Scan.run(times, origin, now, keep);
            if (!scan.reachedNow()) {
                tooLong = window;
            } else {
                best = scan;
                exact = origin.equals(scanned);
                if (scan.kept().size() >= keep || exact) {
                    break;
                }
                tooShort = window;
            }
            if (tooShort != null && tooLong != null && tooLong.minus(tooShort).compareTo(SECOND) <= 0) {
                break;
            }
            window = tooLong == null ? window.multipliedBy(2)
                    : tooShort == null ? window.dividedBy(2)
                    : tooShort.plus(tooLong).dividedBy(2);
        }
        if (best == null) {
            throw new IllegalStateException("no window ending at " + now + " holds fewer than " + SCAN_LIMIT
                    + " fire times; the cron library gave inconsistent answers");
        }
        long count = fromHorizon.count() + best.count();
        if (exact) {
            // The window reached back to where the walk from the horizon stopped: the two walks saw everything.
            List<Instant> walked = new ArrayList<>(fromHorizon.kept());
            walked.addAll(best.kept());
            List<Instant> latest = walked.subList(Math.max(0, walked.size() - keep), walked.size());
            return new Backlog(latest, count - latest.size(), false);
        }
        return new Backlog(best.kept(), count - best.kept().size(), true);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * One walk through the fire times after {@code from}, up to {@value #SCAN_LIMIT} of them.
     *
     * @param kept      the last ones walked, oldest first
     * @param count     how many were walked
     * @param reachedNow whether the walk saw every fire time up to now
     * @param position  the last fire time walked, or {@code from}
     */
    private record Scan(List<Instant> kept, long count, boolean reachedNow, Instant position) {

        static Scan run(FireTimes times, Instant from, Instant now, int keep) {
            ArrayDeque<Instant> kept = new ArrayDeque<>(keep);
            long count = 0;
            Instant position = from;
            while (true) {
                Optional<Instant> next = times.nextAfter(position);
                if (next.isEmpty() || next.get().isAfter(now)) {
                    return new Scan(List.copyOf(kept), count, true, position);
                }
                if (count == SCAN_LIMIT) {
                    return new Scan(List.copyOf(kept), count, false, position);
                }
                position = next.get();
                count++;
                if (kept.size() == keep) {
                    kept.removeFirst();
                }
                kept.addLast(position);
            }
        }
    }
}
