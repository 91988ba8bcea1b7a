package dev.tributary.connectors.jdbc.internal;

import dev.tributary.connectors.internal.OneLine;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * What a failed upsert means for the event, by the SQLSTATE PostgreSQL reported:
 * <table>
 *   <caption>Failures and verdicts</caption>
 *   <tr><th>SQLSTATE</th><th>what it means</th><th>exception</th></tr>
 *   <tr><td>class 22, class 23</td><td>the event's values do not fit the table: a value of the wrong type or
 *       range, a {@code NOT NULL}, {@code CHECK}, foreign key or other unique constraint (a conflict on the key
 *       itself is the upsert)</td><td>{@link NonRetryableException}: retrying the same event gives the same answer</td></tr>
 *   <tr><td>class 53</td><td>the server is out of connections, memory or disk</td><td>{@link OverloadedException}</td></tr>
 *   <tr><td>class 08, 40001, 40P01, 57P01..57P03, 57014, 55P03, and everything else</td>
 *       <td>the connection failed, a serialization failure or deadlock, the server restarting, the statement
 *       timeout, a lock not available; or a problem with the database or the sink's settings (a permission, a
 *       column dropped since start) rather than with the event</td><td>{@link RetryableException}</td></tr>
 * </table>
 * Only what is the event's own fault goes to the dead-letter topic at once; the rest is retried by the
 * subscription's policy, and dead-lettered only once that is spent.
 */
final class SqlFailures {

    private final String site;

    /** @param site the function and table, as messages name them */
    SqlFailures(String site) {
        this.site = site;
    }

    /** The function and table, as messages name them. */
    String site() {
        return site;
    }

    RuntimeException forUpsert(SQLException e, String key) {
        String state = Optional.ofNullable(e.getSQLState()).orElse("");
        String message = site + ": upsert of key '" + OneLine.of(key) + "' failed: " + describe(e);
        if (isEventError(state)) {
            return new NonRetryableException(message, e);
        }
        if (state.startsWith("53")) {
            return new OverloadedException(message, e, null);
        }
        return new RetryableException(message, e);
    }

    /** A new connection could not be opened: the database is down, unreachable or refusing the sink's role. */
    RetryableException forConnect(SQLException e) {
        return new RetryableException(site + ": could not connect: " + describe(e), e);
    }

    OverloadedException exhausted(ConnectionPool.ExhaustedException e) {
        return new OverloadedException(site + ": " + e.getMessage() + "; raise poolSize, or lower the"
                + " subscription's concurrency", e, null);
    }

    RetryableException abandoned(InterruptedException e) {
        return new RetryableException(site + ": the upsert was abandoned", e);
    }

    /** Data or integrity errors: the event itself cannot be written. */
    static boolean isEventError(String sqlState) {
        return sqlState.startsWith("22") || sqlState.startsWith("23");
    }

    /**
     * Whether the connection that raised {@code e} should not be lent again: it failed at the connection level, or
     * the server is ending its session.
     */
    static boolean breaksConnection(SQLException e) {
        String state = Optional.ofNullable(e.getSQLState()).orElse("");
        return state.startsWith("08") || state.startsWith("57P") || e instanceof SQLRecoverableException
                || e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException;
    }

    private static String describe(SQLException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : OneLine.of(e.getMessage());
        return e.getSQLState() == null ? text : text + " (SQLSTATE " + e.getSQLState() + ")";
    }
}
