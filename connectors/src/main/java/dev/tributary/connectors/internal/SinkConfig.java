package dev.tributary.connectors.internal;

import dev.tributary.sdk.FunctionConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A sink's {@code config} map read against the sink's setting definitions. Every error names the setting's path in
 * {@code tributary.yaml} ({@code functions[orders-hook].config.timeout}) and says what is allowed. A key that no
 * definition names is an error too, so a misspelt setting does not silently take its default. A key with no
 * value ({@code key:}) is the same as leaving it out.
 */
public final class SinkConfig {

    private final FunctionConfig config;

    private SinkConfig(FunctionConfig config) {
        this.config = config;
    }

    /**
     * @param sink     the sink's name as errors give it, such as {@code WebhookSink}
     * @param settings every setting the sink has
     * @throws IllegalArgumentException when {@code config} has a key that is not one of {@code settings}
     */
    public static SinkConfig of(FunctionConfig config, String sink, List<Setting<?>> settings) {
        Objects.requireNonNull(config, "config");
        SinkConfig sinkConfig = new SinkConfig(config);
        List<String> known = settings.stream().map(Setting::name).toList();
        TreeSet<String> unknown = new TreeSet<>(config.values().keySet());
        known.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.stream().map(sinkConfig::path).collect(Collectors.joining(", "))
                    + (unknown.size() == 1 ? " is not a setting of " : " are not settings of ") + sink
                    + "; its settings are " + String.join(", ", known));
        }
        return sinkConfig;
    }

    public String functionName() {
        return config.functionName();
    }

    /**
     * The value of a required or defaulted setting.
     *
     * @throws IllegalArgumentException when a required setting is missing or a value is not allowed
     * @throws IllegalStateException    when {@code setting} has neither: read it with {@link #find}
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).or(setting::defaultValue).orElseThrow(() -> {
            if (setting.required()) {
                return new IllegalArgumentException(path(setting) + " is required: " + setting.description());
            }
            return new IllegalStateException(setting.name() + " has no default; read it with find()");
        });
    }

    /**
     * The value of a setting when the map has one; the default is not applied.
     *
     * @throws IllegalArgumentException when the value is not allowed
     */
    public <T> Optional<T> find(Setting<T> setting) {
        Object raw = config.values().get(setting.name());
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(setting.type().read(raw));
        } catch (IllegalArgumentException e) {
            throw invalid(setting.name(), e.getMessage());
        }
    }

    /** The error for a value of {@code key} (a setting, or a path below one such as {@code columns.celsius}). */
    public IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(path(key) + ": " + problem);
    }

    /** The path of {@code key} in {@code tributary.yaml}, as errors name it. */
    public String path(String key) {
        return path(config.functionName(), key);
    }

    /** The path of {@code key} of a function's settings, for checks made after the settings were read. */
    public static String path(String functionName, String key) {
        return "functions[" + functionName + "].config." + key;
    }

    public String path(Setting<?> setting) {
        return path(setting.name());
    }

    /** The raw map, for a setting whose values are read key by key. */
    public Map<String, Object> values() {
        return config.values();
    }
}
