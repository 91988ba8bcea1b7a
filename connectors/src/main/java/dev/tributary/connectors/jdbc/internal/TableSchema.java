package dev.tributary.connectors.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks at start that the table can take the upsert, so that a misnamed table or column stops the function with
 * an error naming the setting, rather than sending every event to the dead-letter topic: the table exists (or is
 * created, with {@code createTable}), has every configured column, and has a unique index on the key column alone,
 * which {@code ON CONFLICT} needs.
 */
final class TableSchema {

    private final JdbcSettings settings;

    TableSchema(JdbcSettings settings) {
        this.settings = settings;
    }

    /** @throws IllegalArgumentException naming the setting the table does not match */
    void prepare(Connection connection) throws SQLException {
        String table = settings.table().quoted();
        if (!exists(connection, table)) {
            if (!settings.createTable()) {
                throw new IllegalArgumentException(settings.path(JdbcSettings.TABLE.name()) + ": table "
                        + settings.table() + " does not exist in " + database(connection) + "; create it (with a"
                        + " primary key on " + settings.keyColumn() + "), or set createTable: true");
            }
            create(connection);
        }
        checkColumns(connection, table);
        checkUniqueKey(connection, table);
    }

    /** The {@code CREATE TABLE} that {@code createTable} runs. */
    String createStatement() {
        List<String> columns = new ArrayList<>();
        columns.add(settings.keyColumn().quoted() + " " + settings.keyType().sql() + " PRIMARY KEY");
        settings.columns().forEach(column -> columns.add(column.column().quoted() + " " + column.type().sql()));
        settings.jsonColumn().ifPresent(column -> columns.add(column.quoted() + " " + SqlType.JSONB.sql()));
        return "CREATE TABLE IF NOT EXISTS " + settings.table().quoted() + " (" + String.join(", ", columns) + ")";
    }

    private void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStatement());
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void checkColumns(Connection connection, String table) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT attname FROM pg_attribute"
                + " WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    existing.add(result.getString(1));
                }
            }
        }
        String known = existing.stream().sorted().collect(Collectors.joining(", "));
        require(existing, settings.keyColumn(), JdbcSettings.KEY_COLUMN.name(), known);
        for (ColumnMapping column : settings.columns()) {
            require(existing, column.column(), JdbcSettings.COLUMNS.name() + "." + column.column(), known);
        }
        settings.jsonColumn().ifPresent(column -> require(existing, column, JdbcSettings.JSON_COLUMN.name(), known));
    }

    private void require(Set<String> existing, SqlName column, String key, String known) {
        if (!existing.contains(column.name())) {
            throw new IllegalArgumentException(settings.path(key) + ": table " + settings.table() + " has no column "
                    + column + " (names are case-sensitive); its columns are " + known);
        }
    }

    private void checkUniqueKey(Connection connection, String table) throws SQLException {
        // ON CONFLICT (key) needs a unique index on that column alone, without a predicate or an expression.
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                + " WHERE i.indrelid = ?::regclass AND i.indisunique AND i.indnkeyatts = 1"
                + " AND i.indpred IS NULL AND i.indexprs IS NULL AND a.attname = ?")) {
            query.setString(1, table);
            query.setString(2, settings.keyColumn().name());
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalArgumentException(settings.path(JdbcSettings.KEY_COLUMN.name()) + ": column "
                            + settings.keyColumn() + " of table " + settings.table() + " has no primary key or unique"
                            + " index of its own, which the upsert (INSERT ... ON CONFLICT) needs: ALTER TABLE "
                            + settings.table().quoted() + " ADD PRIMARY KEY (" + settings.keyColumn().quoted() + ")");
                }
            }
        }
    }

    private static String database(Connection connection) throws SQLException {
        String catalog = connection.getCatalog();
        return catalog == null ? "the database" : "database " + catalog;
    }
}
