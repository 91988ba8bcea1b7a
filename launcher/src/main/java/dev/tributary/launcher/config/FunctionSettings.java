package dev.tributary.launcher.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One function: the code to run, what it consumes and where its results go.
 *
 * @param name      unique in the file; names the default consumer group and the function in metrics and logs
 * @param code      the code to run: a class written with the SDK, or a URL
 * @param config    handed to the function's {@code open()} as written: nested maps and lists, strings, booleans,
 *                  integers and decimals, in the file's order
 * @param subscribe what it consumes and how
 * @param output    where its results go; empty when it returns none
 */
public record FunctionSettings(String name, FunctionCode code, Map<String, Object> config,
        SubscribeSettings subscribe, Optional<OutputSettings> output) {

    public FunctionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Objects.requireNonNull(subscribe, "subscribe");
        Objects.requireNonNull(output, "output");
    }
}
