package dev.tributary.connectors.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting of a sink, defined once: its key in the function's {@code config} map, its type, its default and
 * what it does. {@link SinkConfig} reads it; {@link SettingsTable} documents it.
 *
 * @param name         the key in {@code config}
 * @param type         how a value is read and checked
 * @param required     whether the sink refuses to start without it
 * @param defaultValue what an absent setting means; empty for a required setting or one that is simply off
 * @param description  what it does, for the reference
 * @param <T>          what a value reads as
 */
public record Setting<T>(String name, ValueType<T> type, boolean required, Optional<T> defaultValue,
                         String description) {

    public Setting {
        Objects.requireNonNull(name, "name of a setting");
        Objects.requireNonNull(type, "type of setting " + name);
        Objects.requireNonNull(defaultValue, "defaultValue of setting " + name + " (Optional.empty() for none)");
        Objects.requireNonNull(description, "description of setting " + name);
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("setting " + name + " cannot be both required and defaulted");
        }
    }

    /** A setting the sink cannot start without. */
    public static <T> Setting<T> required(String name, ValueType<T> type, String description) {
        return new Setting<>(name, type, true, Optional.empty(), description);
    }

    /** A setting that has {@code defaultValue} when absent. */
    public static <T> Setting<T> withDefault(String name, ValueType<T> type, T defaultValue, String description) {
        return new Setting<>(name, type, false, Optional.of(defaultValue), description);
    }

    /** A setting that is simply off when absent. */
    public static <T> Setting<T> optional(String name, ValueType<T> type, String description) {
        return new Setting<>(name, type, false, Optional.empty(), description);
    }

    /** The default as the reference shows it: {@code required}, the value, or nothing. */
    public String documentedDefault() {
        return required ? "required" : defaultValue.map(type::format).orElse("");
    }
}
