package dev.tributary.launcher.config;

import java.net.URI;
import java.util.Objects;

/**
 * The schema registry that Avro data is registered with.
 *
 * @param url the base of its Confluent-compatible API
 */
public record RegistrySettings(URI url) {

    public RegistrySettings {
        Objects.requireNonNull(url, "url");
    }
}
