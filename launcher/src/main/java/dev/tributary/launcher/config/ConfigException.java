package dev.tributary.launcher.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration file that cannot be used, with every error found in it. */
public final class ConfigException extends Exception {

    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining(System.lineSeparator())));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** In the order of the file's lines. */
    public List<ConfigError> errors() {
        return errors;
    }
}
