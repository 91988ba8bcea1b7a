package dev.tributary.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small, bounded pool of JDBC connections. At most {@code size} connections exist at once, in use or idle; a
 * borrower beyond that waits up to {@code waitTimeout} for one to come back, on a semaphore, which parks a virtual
 * thread without pinning it. Connections are opened when needed, not up front, so a sink starts even while the
 * database is briefly away, and the most recently returned one is lent first, so the others can time out on the
 * server when load drops. A connection idle longer than {@value #VALIDATE_AFTER_IDLE_SECONDS} seconds is checked
 * before it is lent, and one that failed at the connection level is discarded rather than returned.
 *
 * <p>Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {

    static final long VALIDATE_AFTER_IDLE_SECONDS = 30;
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    /** Opens a new connection. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    /** Every connection was in use for the whole wait. */
    static final class ExhaustedException extends Exception {

        private static final long serialVersionUID = 1L;

        ExhaustedException(String message) {
            super(message);
        }
    }

    private record Idle(Connection connection, long sinceMillis) {
    }

    private final Connector connector;
    private final int size;
    private final Duration waitTimeout;
    private final Clock clock;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(Connector connector, int size, Duration waitTimeout, Clock clock) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection, not " + size);
        }
        this.connector = connector;
        this.size = size;
        this.waitTimeout = waitTimeout;
        this.clock = clock;
        this.permits = new Semaphore(size, true);
    }

    int size() {
        return size;
    }

    /**
     * Lends a connection; close the lease to give it back.
     *
     * @throws ExhaustedException   when all {@code size} connections stayed in use for {@code waitTimeout}
     * @throws SQLException         when a new connection could not be opened
     * @throws InterruptedException when the caller was interrupted while waiting
     */
    Lease borrow() throws ExhaustedException, SQLException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("the connection pool is closed");
        }
        if (!permits.tryAcquire(waitTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ExhaustedException("all " + size + " connections stayed in use for " + waitTimeout.toMillis()
                    + " ms");
        }
        try {
            return new Lease(idleOrNew());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Closes the idle connections now and the lent ones as they come back. */
    @Override
    public void close() {
        closed = true;
        Idle next;
        while ((next = idle.pollFirst()) != null) {
            closeQuietly(next.connection());
        }
    }

    private Connection idleOrNew() throws SQLException {
        Idle next;
        while ((next = idle.pollFirst()) != null) {
            if (usable(next)) {
                return next.connection();
            }
            closeQuietly(next.connection());
        }
        return connector.connect();
    }

    private boolean usable(Idle candidate) {
        long idleMillis = clock.millis() - candidate.sinceMillis();
        if (idleMillis < TimeUnit.SECONDS.toMillis(VALIDATE_AFTER_IDLE_SECONDS)) {
            return true;
        }
        try {
            return candidate.connection().isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void giveBack(Connection connection, boolean broken) {
        try {
            if (broken || closed || connection.isClosed()) {
                closeQuietly(connection);
            } else {
                idle.offerFirst(new Idle(connection, clock.millis()));
                if (closed) {
                    // close() may have drained the idle connections just before this one arrived.
                    close();
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection);
        } finally {
            permits.release();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The connection is gone either way.
        }
    }

    /** A lent connection. Not thread-safe: it belongs to one borrower. */
    final class Lease implements AutoCloseable {

        private final Connection connection;
        private boolean broken;
        private boolean returned;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        /** Marks the connection as unfit for reuse: it is closed instead of returned. */
        void discard() {
            broken = true;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                giveBack(connection, broken);
            }
        }
    }
}
