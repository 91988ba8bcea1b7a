package dev.tributary.ingest.storage.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a poller's polls on a thread of its own: the first at once, each next one {@code interval} after the previous
 * ended, so slow listings never pile up. A failed poll is logged and the next one tries again.
 */
public final class PollLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);

    private final String what;
    private final Runnable poll;
    private final Duration interval;
    private final ScheduledExecutorService thread;

    /**
     * @param what  what is polled, for the thread's name and the log, such as {@code storage-orders}
     * @param poll  one poll; may throw, which is logged
     */
    public PollLoop(String what, Duration interval, Runnable poll) {
        this.what = what;
        this.poll = poll;
        this.interval = interval;
        this.thread = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("tributary-" + what).factory());
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::pollOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollOnce() {
        try {
            poll.run();
        } catch (RuntimeException e) {
            // An exception escaping a periodic task would cancel every later run.
            LOG.warn("{}: {}; polling again in {} ms", what, e.getMessage(), interval.toMillis());
            LOG.debug("the failed poll of {}", what, e);
        }
    }

    /**
     * Schedules no more polls and waits up to {@code grace} for a running one to finish, so that what it published
     * is also checkpointed; past the grace it is interrupted.
     *
     * @return whether the running poll finished within the grace
     */
    public boolean stop(Duration grace) {
        thread.shutdown();
        try {
            if (thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
        return false;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
