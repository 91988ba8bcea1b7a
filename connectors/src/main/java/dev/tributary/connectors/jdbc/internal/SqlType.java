package dev.tributary.connectors.jdbc.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type for a table the sink creates: one of PostgreSQL's common built-in types, with an optional length or
 * precision and an optional {@code []}. The list is closed on purpose: a type goes into {@code CREATE TABLE} as
 * text, and a free-form one could carry a constraint or worse.
 *
 * @param sql the type as it goes into SQL, in lower case with single spaces, such as {@code numeric(10,2)}
 */
public record SqlType(String sql) {

    private static final Set<String> BASE_TYPES = Set.of(
            "smallint", "integer", "int", "int2", "int4", "int8", "bigint",
            "numeric", "decimal", "real", "float4", "float8", "double precision",
            "boolean", "bool",
            "text", "varchar", "character varying", "char", "character",
            "uuid", "json", "jsonb", "bytea",
            "date", "time", "timetz", "time with time zone", "time without time zone",
            "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone", "interval",
            "inet", "cidr", "macaddr");
    private static final Pattern SHAPE = Pattern.compile("([a-z0-9 ]+?)\\s*(\\(\\s*\\d{1,4}\\s*(,\\s*\\d{1,4}\\s*)?\\))?(\\[\\])?");

    /** What a type may be, as errors say it. */
    public static final String ALLOWED = "a PostgreSQL type such as text, bigint, double precision, numeric(10,2),"
            + " boolean, timestamptz, jsonb or uuid, optionally with []";

    public static final SqlType TEXT = new SqlType("text");
    public static final SqlType JSONB = new SqlType("jsonb");

    /** @throws IllegalArgumentException when {@code text} is not one of the allowed types */
    public static SqlType parse(String text) {
        String normalized = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Matcher matcher = SHAPE.matcher(normalized);
        if (!matcher.matches() || !BASE_TYPES.contains(matcher.group(1).strip())) {
            throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
        }
        return new SqlType(normalized.replaceAll("\\s*([(),\\[\\]])\\s*", "$1"));
    }

    @Override
    public String toString() {
        return sql;
    }
}
