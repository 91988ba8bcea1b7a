package dev.tributary.connectors.jdbc.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table, schema or column name that is safe to put into SQL: ASCII letters, digits and underscores, not starting
 * with a digit, at most 63 characters (PostgreSQL's limit). Names are validated rather than escaped, so nothing a
 * configuration holds can change the statement's shape, and then always quoted, so a name that is also a key word
 * ({@code user}, {@code order}) works. Quoting makes a name case-sensitive: {@code Readings} is not the
 * {@code readings} an unquoted {@code CREATE TABLE Readings} made.
 *
 * @param name the name as configured
 */
public record SqlName(String name) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** What a name may be, as errors say it. */
    public static final String ALLOWED = "letters, digits and _, not starting with a digit, at most 63 characters";

    public SqlName {
        Objects.requireNonNull(name, "name");
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid name: use " + ALLOWED);
        }
    }

    /** The name in double quotes, as it goes into SQL. */
    public String quoted() {
        return '"' + name + '"';
    }

    @Override
    public String toString() {
        return name;
    }
}
