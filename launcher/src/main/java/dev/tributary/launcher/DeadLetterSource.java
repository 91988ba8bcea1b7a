package dev.tributary.launcher;

import dev.tributary.launcher.config.FunctionSettings;
import dev.tributary.launcher.config.TributaryConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options the dead-letter commands share: which function, in which configuration, on which cluster. */
final class DeadLetterSource {

    /** The function found in the configuration, and the client settings that reach its cluster. */
    record Target(FunctionSettings function, Map<String, Object> client) {
    }

    @Option(names = "--config", defaultValue = "tributary.yaml", paramLabel = "FILE",
            description = "The configuration that declares the function (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The function's name.")
    String function;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "The Kafka cluster; default the config's kafka.bootstrapServers, else the dev broker"
                    + " at 127.0.0.1:9092.")
    String bootstrapServers;

    /**
     * The function and its cluster, or empty after printing the configuration's errors.
     *
     * @throws ParameterException when the configuration declares no such function
     */
    Optional<Target> resolve(CommandSpec spec) {
        Optional<TributaryConfig> loaded = CommandConfig.load(config, spec);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        FunctionSettings settings = loaded.get().functions().stream().filter(f -> f.name().equals(function))
                .findFirst().orElseThrow(() -> new ParameterException(spec.commandLine(), "--function: " + config
                        + " declares no function named '" + function + "'"));
        return Optional.of(new Target(settings, CommandConfig.kafkaClient(loaded.get(), bootstrapServers)));
    }
}
