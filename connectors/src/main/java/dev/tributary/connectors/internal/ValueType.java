package dev.tributary.connectors.internal;

/**
 * The type of a sink setting: how a value from the function's {@code config} map is read and checked, and how the
 * reference documents it.
 *
 * @param <T> what a value reads as
 */
public interface ValueType<T> {

    /** The type's name in the reference, such as {@code duration}. */
    String name();

    /** What values are allowed, in the reference's words, such as {@code 1ms..5m}. */
    String allowed();

    /**
     * Reads a value as YAML gave it: a string, number, boolean, list or map.
     *
     * @throws IllegalArgumentException whose message says what is wrong with the value and what is allowed, to
     *                                  follow the setting's path
     */
    T read(Object value);

    /** A value as the file would spell it, for the reference's default column. */
    default String format(T value) {
        return String.valueOf(value);
    }
}
