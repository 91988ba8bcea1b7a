package dev.tributary.launcher.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One function: the code to run, what it consumes and where its results go.
 *
 * @param name      unique in the file; names the default consumer group and the function in metrics and logs
 * @param handler   the class that implements the function, from the SDK
 * @param jar       the jar that holds the handler, loaded in its own class loader; empty when it is on the
 *                  launcher's class path
 * @param config    handed to the function's {@code open()} as written: nested maps and lists, strings, booleans,
 *                  integers and decimals, in the file's order
 * @param subscribe what it consumes and how
 * @param output    where its results go; empty when it returns none
 */
public record FunctionSettings(String name, String handler, Optional<Path> jar, Map<String, Object> config,
        SubscribeSettings subscribe, Optional<OutputSettings> output) {

    public FunctionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(jar, "jar");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Objects.requireNonNull(subscribe, "subscribe");
        Objects.requireNonNull(output, "output");
    }
}
