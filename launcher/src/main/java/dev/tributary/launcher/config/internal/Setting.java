package dev.tributary.launcher.config.internal;

import java.util.Objects;

/**
 * The one definition of a setting: its key, type, whether it is required or what it defaults to, and a line of
 * documentation. Reading, validation and the generated reference all come from here.
 *
 * @param <T> the type of its value in the model
 */
public final class Setting<T> {

    private final String name;
    private final ValueType<T> type;
    private final boolean required;
    private final T defaultValue;
    private final String documentedDefault;
    private final String doc;

    private Setting(String name, ValueType<T> type, boolean required, T defaultValue, String documentedDefault,
            String doc) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type of " + name);
        this.required = required;
        this.defaultValue = defaultValue;
        this.documentedDefault = documentedDefault;
        this.doc = Objects.requireNonNull(doc, "doc of " + name);
    }

    /** A setting that must be present: leaving it out is an error. */
    public static <T> Setting<T> required(String name, ValueType<T> type, String doc) {
        return new Setting<>(name, type, true, null, "", doc);
    }

    /** A setting that may be left out, with no value then. */
    public static <T> Setting<T> optional(String name, ValueType<T> type, String doc) {
        return new Setting<>(name, type, false, null, "", doc);
    }

    /** A setting that takes {@code defaultValue} when left out. */
    public static <T> Setting<T> withDefault(String name, ValueType<T> type, T defaultValue, String doc) {
        Objects.requireNonNull(defaultValue, "defaultValue of " + name);
        return new Setting<>(name, type, false, defaultValue, type.format(defaultValue), doc);
    }

    /**
     * An optional setting whose default depends on other settings and is computed where the section is built;
     * {@code documentedDefault} says what it is.
     */
    public static <T> Setting<T> withComputedDefault(String name, ValueType<T> type, String documentedDefault,
            String doc) {
        return new Setting<>(name, type, false, null, documentedDefault, doc);
    }

    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    /** The value when left out, or null when there is none or it is computed. */
    T defaultValue() {
        return defaultValue;
    }

    /** The default as the reference shows it: empty when there is none. */
    public String documentedDefault() {
        return documentedDefault;
    }

    public String doc() {
        return doc;
    }

    @Override
    public String toString() {
        return name;
    }
}
