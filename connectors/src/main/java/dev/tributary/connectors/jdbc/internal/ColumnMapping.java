package dev.tributary.connectors.jdbc.internal;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Where one column's value comes from: a JSON pointer into the event's data ({@code /reading/celsius}), and the
 * column's type should the sink create the table.
 *
 * @param column  the column
 * @param pointer where in the data its value is; a missing value is SQL {@code NULL}
 * @param type    the type {@code createTable} gives the column
 */
public record ColumnMapping(SqlName column, JsonPointer pointer, SqlType type) {
}
