package dev.tributary.launcher;

import dev.tributary.launcher.config.ConfigException;
import dev.tributary.launcher.config.ConfigLoader;
import dev.tributary.launcher.config.TributaryConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** What the commands that read {@code tributary.yaml} share: loading it and reaching its Kafka cluster. */
final class CommandConfig {

    /** The cluster of {@code tributary dev}, for commands run beside it without a configured cluster. */
    static final String DEV_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    private CommandConfig() {
    }

    /** The configuration, or empty after printing every error of the file to the command's error stream. */
    static Optional<TributaryConfig> load(Path file, CommandSpec spec) {
        try {
            return Optional.of(ConfigLoader.load(file, System::getenv));
        } catch (ConfigException e) {
            e.errors().forEach(error -> spec.commandLine().getErr().println(error));
            return Optional.empty();
        }
    }

    /**
     * Kafka client settings: the file's {@code kafka.properties} and a cluster chosen by, in order, the command
     * line, the file, and the dev broker.
     */
    static Map<String, Object> kafkaClient(TributaryConfig config, String bootstrapServersOption) {
        Map<String, Object> client = new HashMap<>(config.kafka().properties());
        client.put("bootstrap.servers", Optional.ofNullable(bootstrapServersOption)
                .or(() -> config.kafka().bootstrapServers()).orElse(DEV_BOOTSTRAP_SERVERS));
        return client;
    }
}
