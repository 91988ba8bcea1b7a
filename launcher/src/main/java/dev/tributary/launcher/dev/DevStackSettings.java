package dev.tributary.launcher.dev;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the development stack keeps its data and which ports it listens on.
 *
 * @param dataDir   the directory that holds every server's data, created when missing
 * @param kafkaPort the Kafka broker's port on 127.0.0.1
 */
public record DevStackSettings(Path dataDir, int kafkaPort) {

    public DevStackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        if (kafkaPort < 1 || kafkaPort > 65_535) {
            throw new IllegalArgumentException("the Kafka port must be between 1 and 65535, not " + kafkaPort);
        }
    }
}
