package dev.tributary.connectors.jdbc.internal;

import java.util.Optional;

/**
 * A table, optionally in a schema: {@code readings} or {@code telemetry.readings}. Without a schema, PostgreSQL's
 * {@code search_path} decides (by default {@code public}).
 *
 * @param schema the schema, if given
 * @param table  the table
 */
public record TableName(Optional<SqlName> schema, SqlName table) {

    /** What a table setting may be, as errors say it. */
    public static final String ALLOWED = "a table name or schema.table, each " + SqlName.ALLOWED;

    /** @throws IllegalArgumentException when {@code text} is not one or two valid names separated by a dot */
    public static TableName parse(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
        }
        try {
            return parts.length == 2
                    ? new TableName(Optional.of(new SqlName(parts[0])), new SqlName(parts[1]))
                    : new TableName(Optional.empty(), new SqlName(parts[0]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
        }
    }

    /** The quoted, qualified name as it goes into SQL, such as {@code "telemetry"."readings"}. */
    public String quoted() {
        return schema.map(s -> s.quoted() + ".").orElse("") + table.quoted();
    }

    @Override
    public String toString() {
        return schema.map(s -> s + ".").orElse("") + table;
    }
}
