package dev.tributary.connectors.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.jdbc.internal.JdbcSettings;
import dev.tributary.connectors.jdbc.internal.JdbcUpsert;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * A sink that upserts each event's JSON data into a PostgreSQL table, by key: declare it as a function with
 * {@code handler: dev.tributary.connectors.jdbc.JdbcUpsertSink} and its settings under {@code config} (see
 * docs/connectors.md): {@code url}, {@code user}, {@code password}, {@code table}, {@code keyColumn},
 * {@code keyPointer}, {@code columns}, {@code jsonColumn}, {@code versionColumn}, {@code createTable},
 * {@code keyType}, {@code poolSize}, {@code connectionTimeout}, {@code statementTimeout}.
 *
 * <p>Each event becomes one {@code INSERT ... ON CONFLICT (key) DO UPDATE}: the row of its key is created or
 * overwritten, so handling an event twice (at-least-once delivery, a retry, a replay) leaves the same row. With the
 * subscription's default {@code key} ordering, the events of one key are applied in their order.
 *
 * <p>{@code open} connects and checks that the table has the configured columns and a unique key, or creates it
 * with {@code createTable: true}; a mismatch stops the function from starting, with an error naming the setting.
 * Values the table refuses (SQLSTATE classes 22 and 23) fail the event with
 * {@link dev.tributary.sdk.NonRetryableException}, which sends it to the dead-letter topic; connection failures,
 * serialization failures, deadlocks and timeouts with {@link dev.tributary.sdk.RetryableException}. Thread-safe, as
 * the dispatcher needs.
 */
public final class JdbcUpsertSink implements EventFunction<JsonNode> {

    private final Clock clock;
    private volatile JdbcUpsert upsert;

    public JdbcUpsertSink() {
        this(Clock.systemUTC());
    }

    /** @param clock tells how long pooled connections have been idle */
    JdbcUpsertSink(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing, not allowed, or not matched by the table
     * @throws IllegalStateException    when the database cannot be reached or refuses the configured role
     */
    @Override
    public void open(FunctionConfig config) {
        upsert = JdbcUpsert.open(JdbcSettings.read(config), clock);
    }

    @Override
    public void handle(Event<JsonNode> event, Context context) {
        JdbcUpsert open = upsert;
        if (open == null) {
            throw new IllegalStateException("JdbcUpsertSink was not opened: call open(config) before handle");
        }
        open.upsert(event);
    }

    @Override
    public void close() {
        JdbcUpsert open = upsert;
        if (open != null) {
            upsert = null;
            open.close();
        }
    }
}
