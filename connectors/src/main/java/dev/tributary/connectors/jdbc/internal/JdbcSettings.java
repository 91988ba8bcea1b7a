package dev.tributary.connectors.jdbc.internal;

import com.fasterxml.jackson.core.JsonPointer;
import dev.tributary.connectors.internal.Setting;
import dev.tributary.connectors.internal.SinkConfig;
import dev.tributary.connectors.internal.ValueTypes;
import dev.tributary.sdk.FunctionConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a JDBC upsert sink, defined once: read from the function's {@code config} map, checked, and
 * rendered into the reference.
 *
 * @param functionName      the function's name, for messages
 * @param url               the PostgreSQL JDBC URL
 * @param user              the role to connect as, if not the driver's default
 * @param password          its password, if any
 * @param table             the table rows are upserted into
 * @param keyColumn         the column that identifies a row, with a unique index of its own
 * @param keyPointer        where in the data the key is; empty for the event's key
 * @param columns           the columns filled from the data
 * @param jsonColumn        a column that holds the whole data, if any
 * @param versionColumn     one of {@code columns} that only grows: a row is overwritten only by an equal or greater
 *                          version
 * @param createTable       whether the sink creates the table when it does not exist
 * @param keyType           the key column's type, should the sink create the table
 * @param poolSize          the most connections open at once
 * @param connectionTimeout how long connecting, or waiting for a pooled connection, may take
 * @param statementTimeout  how long one upsert may run on the server
 */
public record JdbcSettings(String functionName, String url, Optional<String> user, Optional<String> password,
                           TableName table, SqlName keyColumn, Optional<JsonPointer> keyPointer,
                           List<ColumnMapping> columns, Optional<SqlName> jsonColumn, Optional<SqlName> versionColumn,
                           boolean createTable, SqlType keyType, int poolSize, Duration connectionTimeout,
                           Duration statementTimeout) {

    public static final Setting<String> URL = Setting.required("url", JdbcValueTypes.postgresUrl(),
            "The database to write to.");
    public static final Setting<String> USER = Setting.optional("user",
            ValueTypes.text("a PostgreSQL role"), "The role to connect as.");
    public static final Setting<String> PASSWORD = Setting.optional("password",
            ValueTypes.secret("any text; take it from the environment"),
            "The role's password; write `${env:NAME}` rather than the password itself.");
    public static final Setting<TableName> TABLE = Setting.required("table", JdbcValueTypes.table(),
            "The table rows are upserted into. Names are quoted, so they are case-sensitive.");
    public static final Setting<SqlName> KEY_COLUMN = Setting.required("keyColumn", JdbcValueTypes.column(),
            "The column that identifies a row. It needs a primary key or unique index of its own, which"
                    + " `ON CONFLICT` uses.");
    public static final Setting<JsonPointer> KEY_POINTER = Setting.optional("keyPointer", JdbcValueTypes.pointer(),
            "Where in the data the key is. Without it, the event's key (its `partitionkey`, else the record key).");
    public static final Setting<List<ColumnMapping>> COLUMNS = Setting.withDefault("columns",
            JdbcValueTypes.columns(), List.of(),
            "The columns filled from the data; a value the data lacks is `NULL`. The `type` is used only by"
                    + " `createTable` (default `text`).");
    public static final Setting<SqlName> JSON_COLUMN = Setting.optional("jsonColumn", JdbcValueTypes.column(),
            "A `jsonb` (or `json`, or `text`) column that holds the whole data.");
    public static final Setting<SqlName> VERSION_COLUMN = Setting.optional("versionColumn",
            JdbcValueTypes.column(),
            "One of `columns` whose value only grows, such as a sequence number or timestamp: an existing row is"
                    + " overwritten only by an equal or greater version, so a late or replayed event cannot undo a"
                    + " newer one. An event without a version goes to the dead-letter topic.");
    public static final Setting<Boolean> CREATE_TABLE = Setting.withDefault("createTable", ValueTypes.flag(), false,
            "Creates the table at start when it does not exist (`keyColumn` as primary key, `columns` with their"
                    + " types, `jsonColumn` as `jsonb`). Otherwise a missing table stops the function from starting.");
    public static final Setting<SqlType> KEY_TYPE = Setting.withDefault("keyType", JdbcValueTypes.sqlType(),
            SqlType.TEXT, "The key column's type, used only by `createTable`.");
    public static final Setting<Integer> POOL_SIZE = Setting.withDefault("poolSize", ValueTypes.integer(1, 64), 8,
            "The most connections open at once. Upserts beyond it wait for a free connection.");
    public static final Setting<Duration> CONNECTION_TIMEOUT = Setting.withDefault("connectionTimeout",
            ValueTypes.duration(Duration.ofSeconds(1), Duration.ofMinutes(5)), Duration.ofSeconds(10),
            "How long connecting, or waiting for a free connection, may take; then the attempt fails and is"
                    + " retried (as overloaded, when all connections were busy).");
    public static final Setting<Duration> STATEMENT_TIMEOUT = Setting.withDefault("statementTimeout",
            ValueTypes.duration(Duration.ofMillis(1), Duration.ofHours(1)), Duration.ofSeconds(30),
            "How long one upsert may run on the server (`statement_timeout`), waiting on locks included; then"
                    + " it is cancelled and retried.");

    /** Every setting, in the reference's order. */
    public static final List<Setting<?>> ALL = List.of(URL, USER, PASSWORD, TABLE, KEY_COLUMN, KEY_POINTER, COLUMNS,
            JSON_COLUMN, VERSION_COLUMN, CREATE_TABLE, KEY_TYPE, POOL_SIZE, CONNECTION_TIMEOUT, STATEMENT_TIMEOUT);

    /**
     * Reads and checks the settings, each alone and against each other.
     *
     * @throws IllegalArgumentException naming the setting and what is allowed
     */
    public static JdbcSettings read(FunctionConfig config) {
        SinkConfig sink = SinkConfig.of(config, "JdbcUpsertSink", ALL);
        SqlName keyColumn = sink.get(KEY_COLUMN);
        List<ColumnMapping> columns = sink.get(COLUMNS);
        Optional<SqlName> jsonColumn = sink.find(JSON_COLUMN);
        Optional<SqlName> versionColumn = sink.find(VERSION_COLUMN);
        TableName table = sink.get(TABLE);
        if (columns.isEmpty() && jsonColumn.isEmpty()) {
            throw sink.invalid(COLUMNS.name(), "the sink has nothing to write besides the key: map columns to"
                    + " JSON pointers, set jsonColumn to store the whole data, or both");
        }
        Set<SqlName> seen = new HashSet<>(Set.of(keyColumn));
        for (ColumnMapping column : columns) {
            if (!seen.add(column.column())) {
                throw sink.invalid(COLUMNS.name() + "." + column.column(), "is the keyColumn, which takes the key;"
                        + " remove it from columns, or set keyPointer to take the key from the data");
            }
        }
        if (jsonColumn.isPresent() && !seen.add(jsonColumn.get())) {
            throw sink.invalid(JSON_COLUMN.name(), "'" + jsonColumn.get() + "' is already the keyColumn or one of"
                    + " columns; give the whole data a column of its own");
        }
        if (versionColumn.isPresent() && columns.stream().noneMatch(c -> c.column().equals(versionColumn.get()))) {
            throw sink.invalid(VERSION_COLUMN.name(), "'" + versionColumn.get() + "' is not one of columns; map it"
                    + " to where the data holds the version, such as " + versionColumn.get() + ": /sequence");
        }
        return new JdbcSettings(config.functionName(), sink.get(URL), sink.find(USER), sink.find(PASSWORD), table,
                keyColumn, sink.find(KEY_POINTER), columns, jsonColumn, versionColumn, sink.get(CREATE_TABLE),
                sink.get(KEY_TYPE), sink.get(POOL_SIZE), sink.get(CONNECTION_TIMEOUT), sink.get(STATEMENT_TIMEOUT));
    }

    /** The settings without the password, and the URL without its parameters, which may hold one. */
    @Override
    public String toString() {
        return "JdbcSettings[function=" + functionName + ", url=" + JdbcValueTypes.withoutParameters(url)
                + ", user=" + user.orElse("(driver default)") + ", table=" + table + ", keyColumn=" + keyColumn
                + ", columns=" + columns + ", jsonColumn=" + jsonColumn.map(SqlName::name).orElse("(none)") + "]";
    }

    /** The path of {@code key} in {@code tributary.yaml}, for checks made against the database. */
    public String path(String key) {
        return SinkConfig.path(functionName, key);
    }
}
