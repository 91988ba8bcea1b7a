package dev.tributary.dispatcher.internal;

/**
 * How many invocations of one function may run at once in this process: a limit between a floor and the cap
 * that adapts to how the function copes, additive increase and multiplicative decrease over windows of
 * completions.
 *
 * <p>A window closes after as many completed attempts as the limit allows at once, roughly one round of
 * invocations. At its close the limit
 * <ul>
 *   <li>shrinks by a quarter when more than a tenth of the window's attempts were overloaded (an
 *       {@code OverloadedException}, which remote functions raise for 429 and 503, or a timeout). A downstream
 *       that turns away the odd call whatever the load would otherwise hold the limit near its floor, as random
 *       loss does to TCP;</li>
 *   <li>otherwise shrinks by a tenth when the window's mean latency rose past {@value #LATENCY_TOLERANCE} times
 *       the baseline and by more than {@value #LATENCY_SLACK_MILLIS} ms: the function is queueing somewhere;</li>
 *   <li>otherwise grows by one when, during the window, work was ready that only the limit held back.</li>
 * </ul>
 * The baseline is a moving average of window means that weighs the last {@value #BASELINE_WINDOWS} or so most:
 * while a smaller limit brings latency back down it stays low, and when the function's latency has changed for
 * good, whatever the limit, it catches up after a few decreases and the limit grows again. One decrease per window, rather than one per failed attempt, keeps a
 * burst of 503s from a single bad second from collapsing the limit to its floor.
 *
 * <p>It starts at the cap, so a healthy function is used fully from its first record, and stays there when
 * floor and cap are equal. Owned by the consumer thread.
 */
final class ConcurrencyLimit {

    static final double OVERLOAD_BACKOFF = 0.75;
    /** More than this share of a window's attempts overloaded means the function is overloaded. */
    static final double OVERLOAD_SHARE = 0.1;
    static final double LATENCY_BACKOFF = 0.9;
    static final double LATENCY_TOLERANCE = 2.0;
    /** Below this rise, latency is noise: in-process functions that take microseconds vary by whole multiples. */
    static final long LATENCY_SLACK_MILLIS = 5;
    static final int BASELINE_WINDOWS = 20;

    private final int floor;
    private final int cap;
    private int limit;

    private int samples;
    private long latencySumMillis;
    private int overloads;
    private boolean heldBack;

    /** NaN until the first window closes. */
    private double baselineMillis = Double.NaN;

    ConcurrencyLimit(int floor, int cap) {
        if (floor < 1 || floor > cap) {
            throw new IllegalArgumentException("the concurrency floor " + floor + " must be between 1 and the cap "
                    + cap);
        }
        this.floor = floor;
        this.cap = cap;
        this.limit = cap;
    }

    int current() {
        return limit;
    }

    /** Work was ready to start and the limit alone stopped it: there is a backlog a larger limit would serve. */
    void heldBack() {
        heldBack = true;
    }

    /** An attempt that completed, successfully or not, with how long it took. */
    void completed(long latencyMillis) {
        record(latencyMillis, false);
    }

    /** An attempt that found its downstream overloaded, or timed out. */
    void overloaded(long latencyMillis) {
        record(latencyMillis, true);
    }

    private void record(long latencyMillis, boolean overload) {
        if (floor == cap) {
            return;
        }
        samples++;
        latencySumMillis += latencyMillis;
        if (overload) {
            overloads++;
        }
        if (samples >= limit) {
            closeWindow(latencySumMillis / samples);
        }
    }

    private void closeWindow(long meanMillis) {
        boolean overloaded = overloads > samples * OVERLOAD_SHARE;
        if (overloaded) {
            limit = Math.max(floor, (int) (limit * OVERLOAD_BACKOFF));
        } else if (latencyRose(meanMillis)) {
            limit = Math.max(floor, (int) (limit * LATENCY_BACKOFF));
        } else if (heldBack) {
            limit = Math.min(cap, limit + 1);
        }
        if (overloads == 0) {
            // Overloaded attempts say nothing about the function's own latency.
            updateBaseline(meanMillis);
        }
        samples = 0;
        latencySumMillis = 0;
        overloads = 0;
        heldBack = false;
    }

    private boolean latencyRose(long meanMillis) {
        return !Double.isNaN(baselineMillis)
                && meanMillis > baselineMillis * LATENCY_TOLERANCE
                && meanMillis - baselineMillis > LATENCY_SLACK_MILLIS;
    }

    private void updateBaseline(long meanMillis) {
        baselineMillis = Double.isNaN(baselineMillis) ? meanMillis
                : baselineMillis + (meanMillis - baselineMillis) / BASELINE_WINDOWS;
    }
}
