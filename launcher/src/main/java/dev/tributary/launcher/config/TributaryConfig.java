package dev.tributary.launcher.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of {@code tributary.yaml}, validated; {@link ConfigLoader} reads it and docs/configuration.md
 * describes every setting.
 *
 * @param kafka     how to reach Kafka
 * @param registry  the schema registry; empty when the file names none (under {@code tributary dev}, the
 *                  embedded one)
 * @param functions the functions to run, with unique names, in the file's order
 * @param ingest    the ingest adapters to run
 */
public record TributaryConfig(KafkaSettings kafka, Optional<RegistrySettings> registry,
        List<FunctionSettings> functions, IngestSettings ingest) {

    public TributaryConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(registry, "registry");
        functions = List.copyOf(functions);
        Objects.requireNonNull(ingest, "ingest");
    }

    /** A configuration of functions only. */
    public TributaryConfig(KafkaSettings kafka, Optional<RegistrySettings> registry, List<FunctionSettings> functions) {
        this(kafka, registry, functions, IngestSettings.NONE);
    }
}
