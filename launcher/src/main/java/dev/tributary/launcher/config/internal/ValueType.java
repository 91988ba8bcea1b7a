package dev.tributary.launcher.config.internal;

import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * How one kind of value is read from YAML, checked and documented. {@link Types} holds the scalar and
 * collection types, {@link Section} the mappings of named settings.
 *
 * @param <T> what the value becomes in the typed model
 */
public interface ValueType<T> {

    /** The type's name in the reference and in "expected ..." messages: {@code string}, {@code list of strings}. */
    String name();

    /** What values are allowed, for the reference; empty when the type says it all. */
    default String allowed() {
        return "";
    }

    /**
     * Reads a value that is present and not null.
     *
     * @return the value, or null after reporting to {@code context} everything that is wrong with it
     */
    T read(Node node, Location at, ReadContext context);

    /** A value as a user would write it in the file, for the reference's default column. */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** The section this type holds, itself or as list items, which the reference documents on its own. */
    default Optional<Section<?>> section() {
        return Optional.empty();
    }
}
