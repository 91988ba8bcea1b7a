package dev.tributary.connectors.jdbc.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.internal.OneLine;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.NonRetryableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Upserts events into one PostgreSQL table over a {@link ConnectionPool}: one statement per event, in autocommit,
 * so each event's row is committed by the time it counts as done. Thread-safe.
 */
public final class JdbcUpsert implements AutoCloseable {

    /** How much longer than the statement timeout a read may block before the driver gives up on the socket. */
    private static final Duration SOCKET_MARGIN = Duration.ofSeconds(10);

    private final JdbcSettings settings;
    private final ConnectionPool pool;
    private final UpsertStatement statement;
    private final SqlFailures failures;
    private final Optional<JsonPointer> versionPointer;

    private JdbcUpsert(JdbcSettings settings, ConnectionPool pool) {
        this.settings = settings;
        this.pool = pool;
        this.statement = new UpsertStatement(settings.table(), settings.keyColumn(), settings.columns(),
                settings.jsonColumn(), settings.versionColumn());
        this.failures = new SqlFailures("jdbc sink " + settings.functionName() + " writing " + settings.table());
        this.versionPointer = settings.versionColumn().flatMap(version -> settings.columns().stream()
                .filter(column -> column.column().equals(version))
                .map(ColumnMapping::pointer)
                .findFirst());
    }

    /**
     * Connects, checks (or creates) the table, and returns a sink ready to upsert.
     *
     * @throws IllegalArgumentException when the table does not match the settings, naming the setting
     * @throws IllegalStateException    when the database cannot be reached or refuses the sink's role
     */
    public static JdbcUpsert open(JdbcSettings settings, Clock clock) {
        ConnectionPool pool = new ConnectionPool(connector(settings), settings.poolSize(),
                settings.connectionTimeout(), clock);
        try {
            prepareTable(settings, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcUpsert(settings, pool);
    }

    private static void prepareTable(JdbcSettings settings, ConnectionPool pool) {
        String where = "table " + settings.table() + " in " + JdbcValueTypes.withoutParameters(settings.url())
                + settings.user().map(user -> " as " + user).orElse("");
        try (ConnectionPool.Lease lease = pool.borrow()) {
            new TableSchema(settings).prepare(lease.connection());
        } catch (SQLException e) {
            throw new IllegalStateException("functions[" + settings.functionName() + "]: could not prepare " + where
                    + ": " + OneLine.of(String.valueOf(e.getMessage()))
                    + "; check url, user and password, and that the database is up", e);
        } catch (ConnectionPool.ExhaustedException e) {
            throw new IllegalStateException("functions[" + settings.functionName() + "]: could not prepare " + where
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("functions[" + settings.functionName() + "]: interrupted while preparing "
                    + where, e);
        }
    }

    /** The statement the sink runs for each event. */
    public String sql() {
        return statement.sql();
    }

    /**
     * Writes the event's row and returns once it is committed.
     *
     * @throws NonRetryableException for an event without data or key, and for values the table refuses
     * @throws dev.tributary.sdk.RetryableException for connection failures, timeouts and other database trouble
     */
    public void upsert(Event<JsonNode> event) {
        JsonNode data = event.data();
        if (data == null || data.isNull()) {
            throw new NonRetryableException(failures.site() + ": event " + OneLine.of(event.id())
                    + " has no data, and the row is made from the data");
        }
        String key = key(event, data);
        versionPointer.ifPresent(pointer -> requireVersion(event, data, pointer));
        try (ConnectionPool.Lease lease = borrow()) {
            try (PreparedStatement upsert = lease.connection().prepareStatement(statement.sql())) {
                statement.bind(upsert, key, data);
                upsert.executeUpdate();
            } catch (SQLException e) {
                if (SqlFailures.breaksConnection(e) || closed(lease.connection())) {
                    lease.discard();
                }
                throw failures.forUpsert(e, key);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private ConnectionPool.Lease borrow() {
        try {
            return pool.borrow();
        } catch (ConnectionPool.ExhaustedException e) {
            throw failures.exhausted(e);
        } catch (SQLException e) {
            throw failures.forConnect(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.abandoned(e);
        }
    }

    private String key(Event<JsonNode> event, JsonNode data) {
        if (settings.keyPointer().isEmpty()) {
            return event.keyAsString().orElseThrow(() -> new NonRetryableException(failures.site() + ": event "
                    + OneLine.of(event.id()) + " has no key (neither a partitionkey nor a record key); key the events,"
                    + " or set keyPointer to take the key from the data"));
        }
        JsonPointer pointer = settings.keyPointer().get();
        JsonNode key = data.at(pointer);
        if (key.isMissingNode() || key.isNull() || key.isContainerNode()) {
            throw new NonRetryableException(failures.site() + ": event " + OneLine.of(event.id()) + " has "
                    + (key.isContainerNode() ? "an object or array" : "no value") + " at keyPointer " + pointer
                    + ", where the key should be");
        }
        return key.asText();
    }

    private void requireVersion(Event<JsonNode> event, JsonNode data, JsonPointer pointer) {
        JsonNode version = data.at(pointer);
        if (version.isMissingNode() || version.isNull()) {
            throw new NonRetryableException(failures.site() + ": event " + OneLine.of(event.id()) + " has no value at "
                    + pointer + " for versionColumn " + settings.versionColumn().orElseThrow()
                    + ", so it cannot be ordered against the row");
        }
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static ConnectionPool.Connector connector(JdbcSettings settings) {
        // The driver is used directly rather than through DriverManager, which finds drivers by the caller's class
        // loader and so may miss this one when the sink is loaded from a function jar.
        Driver driver = new Driver();
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "tributary-" + settings.functionName());
        properties.setProperty("connectTimeout", Long.toString(seconds(settings.connectionTimeout())));
        properties.setProperty("socketTimeout", Long.toString(seconds(settings.statementTimeout().plus(SOCKET_MARGIN))));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
        String url = settings.url();
        return () -> {
            Connection connection = driver.connect(url, properties);
            if (connection == null) {
                throw new SQLException("the PostgreSQL driver does not take the URL "
                        + JdbcValueTypes.withoutParameters(url), "08001");
            }
            return connection;
        };
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
