package dev.tributary.connectors.jdbc.internal;

import com.fasterxml.jackson.core.JsonPointer;
import dev.tributary.connectors.internal.ValueType;
import dev.tributary.connectors.internal.ValueTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The value types of the JDBC sink's settings: names, pointers, types and the column mapping. */
final class JdbcValueTypes {

    static final String POINTER_ALLOWED = "a JSON pointer such as /device/id (\"\" for the whole data)";

    private JdbcValueTypes() {
    }

    static ValueType<String> postgresUrl() {
        return ValueTypes.of("string", "jdbc:postgresql://host[:port]/database[?parameters]", value -> {
            String url = ValueTypes.scalar(value).strip();
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("'" + withoutParameters(url) + "' is not a PostgreSQL JDBC URL:"
                        + " use jdbc:postgresql://host[:port]/database, such as jdbc:postgresql://db:5432/telemetry");
            }
            return url;
        });
    }

    static ValueType<TableName> table() {
        return ValueTypes.of("string", TableName.ALLOWED, value -> TableName.parse(ValueTypes.scalar(value)));
    }

    static ValueType<SqlName> column() {
        return ValueTypes.of("string", SqlName.ALLOWED, value -> new SqlName(ValueTypes.scalar(value).strip()));
    }

    static ValueType<SqlType> sqlType() {
        return ValueTypes.of("string", SqlType.ALLOWED, value -> SqlType.parse(ValueTypes.scalar(value)));
    }

    static ValueType<JsonPointer> pointer() {
        return ValueTypes.of("string", POINTER_ALLOWED, value -> pointer(ValueTypes.scalar(value)));
    }

    /**
     * {@code column: /pointer}, or {@code column: {pointer: /pointer, type: sql type}} for a column that
     * {@code createTable} should give a type other than {@code text}.
     */
    static ValueType<List<ColumnMapping>> columns() {
        String allowed = "a mapping of column to JSON pointer (celsius: /reading/celsius), or of column to"
                + " {pointer, type} (celsius: {pointer: /reading/celsius, type: double precision})";
        return ValueTypes.of("mapping", allowed, value -> {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("is not a mapping; use " + allowed);
            }
            List<ColumnMapping> columns = new ArrayList<>();
            map.forEach((name, source) -> columns.add(column(String.valueOf(name), source)));
            return List.copyOf(columns);
        }, columns -> columns.isEmpty() ? "{}" : columns.toString());
    }

    private static ColumnMapping column(String name, Object source) {
        SqlName column;
        try {
            column = new SqlName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + e.getMessage());
        }
        if (source instanceof Map<?, ?> detailed) {
            Set<String> keys = new TreeSet<>();
            detailed.keySet().forEach(key -> keys.add(String.valueOf(key)));
            keys.removeAll(Set.of("pointer", "type"));
            if (!keys.isEmpty()) {
                throw new IllegalArgumentException("column " + name + " has " + keys + "; a column takes pointer"
                        + " and type only");
            }
            Object pointer = detailed.get("pointer");
            if (pointer == null) {
                throw new IllegalArgumentException("column " + name + " needs a pointer, " + POINTER_ALLOWED);
            }
            Object type = detailed.get("type");
            return new ColumnMapping(column, columnPointer(name, pointer),
                    type == null ? SqlType.TEXT : columnType(name, type));
        }
        if (source == null) {
            throw new IllegalArgumentException("column " + name + " needs a pointer, " + POINTER_ALLOWED);
        }
        return new ColumnMapping(column, columnPointer(name, source), SqlType.TEXT);
    }

    private static JsonPointer columnPointer(String column, Object pointer) {
        try {
            return pointer(ValueTypes.scalar(pointer));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + column + ": " + e.getMessage());
        }
    }

    private static SqlType columnType(String column, Object type) {
        try {
            return SqlType.parse(ValueTypes.scalar(type));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + column + ": " + e.getMessage());
        }
    }

    private static JsonPointer pointer(String text) {
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + POINTER_ALLOWED);
        }
    }

    /** A URL without its parameters, which may hold a password, for messages. */
    static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
