package dev.tributary.launcher.dev;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where the development stack keeps its data and which ports it listens on.
 *
 * @param dataDir      the directory that holds every server's data, created when missing
 * @param kafkaPort    the Kafka broker's port on 127.0.0.1
 * @param registryPort the schema registry's port on 127.0.0.1, or empty to run without a registry
 */
public record DevStackSettings(Path dataDir, int kafkaPort, OptionalInt registryPort) {

    public DevStackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(registryPort, "registryPort");
        requirePort(kafkaPort, "--kafka-port");
        registryPort.ifPresent(port -> requirePort(port, "--registry-port"));
    }

    private static void requirePort(int port, String option) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(option + ": a port must be between 1 and 65535, not " + port);
        }
    }
}
