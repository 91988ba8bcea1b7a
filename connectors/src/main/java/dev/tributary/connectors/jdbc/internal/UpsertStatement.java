package dev.tributary.connectors.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one statement the sink runs, built once from validated names:
 * <pre>{@code
 * INSERT INTO "readings" AS existing ("device", "celsius", "doc") VALUES (?, ?, ?)
 * ON CONFLICT ("device") DO UPDATE SET "celsius" = EXCLUDED."celsius", "doc" = EXCLUDED."doc"
 * [WHERE existing."seq" IS NULL OR existing."seq" <= EXCLUDED."seq"]
 * }</pre>
 * Running it again with the same event leaves the same row, so at-least-once delivery writes exactly once in effect.
 *
 * <p>Values are bound as text of no declared type, so PostgreSQL reads each one as its column's type does: a JSON
 * number fills an {@code integer}, {@code numeric} or {@code double precision} column, an ISO-8601 string a
 * {@code timestamptz}, an object or array a {@code jsonb} column (as JSON text). A value the column cannot read
 * fails with SQLSTATE class 22, which sends the event to the dead-letter topic.
 */
final class UpsertStatement {

    private static final String TARGET_ALIAS = "existing";

    private final SqlName keyColumn;
    private final List<ColumnMapping> columns;
    private final Optional<SqlName> jsonColumn;
    private final String sql;

    UpsertStatement(TableName table, SqlName keyColumn, List<ColumnMapping> columns, Optional<SqlName> jsonColumn,
                    Optional<SqlName> versionColumn) {
        this.keyColumn = keyColumn;
        this.columns = List.copyOf(columns);
        this.jsonColumn = jsonColumn;
        List<SqlName> updated = new ArrayList<>(columns.stream().map(ColumnMapping::column).toList());
        jsonColumn.ifPresent(updated::add);
        List<SqlName> all = new ArrayList<>(List.of(keyColumn));
        all.addAll(updated);
        this.sql = "INSERT INTO " + table.quoted() + " AS " + TARGET_ALIAS
                + " (" + all.stream().map(SqlName::quoted).collect(Collectors.joining(", ")) + ")"
                + " VALUES (" + all.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")"
                + " ON CONFLICT (" + keyColumn.quoted() + ") DO UPDATE SET "
                + updated.stream().map(column -> column.quoted() + " = EXCLUDED." + column.quoted())
                        .collect(Collectors.joining(", "))
                + versionColumn.map(version -> " WHERE " + TARGET_ALIAS + "." + version.quoted() + " IS NULL OR "
                        + TARGET_ALIAS + "." + version.quoted() + " <= EXCLUDED." + version.quoted()).orElse("");
    }

    String sql() {
        return sql;
    }

    SqlName keyColumn() {
        return keyColumn;
    }

    /** Binds the key and the values the data holds, in the statement's column order. */
    void bind(PreparedStatement statement, String key, JsonNode data) throws SQLException {
        int index = 1;
        statement.setObject(index++, key, Types.OTHER);
        for (ColumnMapping column : columns) {
            bindValue(statement, index++, data.at(column.pointer()));
        }
        if (jsonColumn.isPresent()) {
            statement.setObject(index, data.toString(), Types.OTHER);
        }
    }

    private static void bindValue(PreparedStatement statement, int index, JsonNode value) throws SQLException {
        if (value.isMissingNode() || value.isNull()) {
            statement.setNull(index, Types.OTHER);
        } else if (value.isContainerNode()) {
            statement.setObject(index, value.toString(), Types.OTHER);
        } else {
            statement.setObject(index, value.asText(), Types.OTHER);
        }
    }
}
