package dev.tributary.dispatcher.internal;

/**
 * Records done per second, smoothed: each full second's count moves the rate 30 % of the way towards it, so a
 * pause or a burst shows within a few seconds without one slow second swinging it. Owned by the consumer thread.
 */
final class Throughput {

    private static final long WINDOW_MILLIS = 1_000;
    private static final double WEIGHT = 0.3;

    private long windowStart = -1;
    private long inWindow;
    private double rate;

    void record(long done) {
        inWindow += done;
    }

    double perSecond(long nowMillis) {
        if (windowStart < 0) {
            windowStart = nowMillis;
            return rate;
        }
        long elapsed = nowMillis - windowStart;
        if (elapsed >= WINDOW_MILLIS) {
            double sample = inWindow * 1_000.0 / elapsed;
            rate = rate == 0 ? sample : rate + WEIGHT * (sample - rate);
            inWindow = 0;
            windowStart = nowMillis;
        }
        return rate;
    }
}
