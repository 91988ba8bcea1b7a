package dev.tributary.launcher.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file, said so that the user can fix it.
 *
 * @param file    the file as the user named it
 * @param line    the 1-based line, or 0 when the error is about the file as a whole (it cannot be read)
 * @param path    the setting, as in {@code functions[1].subscribe.ordering}; empty for the file as a whole
 * @param message what is wrong and what is allowed
 */
public record ConfigError(String file, int line, String path, String message) {

    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code tributary.yaml:14: functions[1].subscribe.ordering: 'keyed' is not one of partition, key, unordered}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
