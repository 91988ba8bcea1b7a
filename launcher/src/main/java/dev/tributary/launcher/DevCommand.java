package dev.tributary.launcher;

import dev.tributary.embedded.PortInUseException;
import dev.tributary.embedded.Ports;
import dev.tributary.launcher.dev.DevStack;
import dev.tributary.launcher.config.TributaryConfig;
import dev.tributary.launcher.dev.DevStackSettings;
import dev.tributary.launcher.dev.DevTopics;
import dev.tributary.launcher.run.AdminServer;
import dev.tributary.launcher.run.IngestRuntime;
import dev.tributary.launcher.config.RegistrySettings;
import java.net.URI;
import dev.tributary.launcher.run.ProcessRuntime;
import dev.tributary.launcher.run.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "dev",
        description = {
            "Run the embedded development stack on this machine: a real Kafka broker and a schema registry"
                    + " (Confluent REST API) in child processes, listening on 127.0.0.1, with Kafka's data under"
                    + " --data-dir so topics survive a restart.",
            "With --config, it also runs the functions of that tributary.yaml against the embedded broker.",
            "Ctrl-C or SIGTERM stops everything it started and exits 0."
        },
        mixinStandardHelpOptions = true)
final class DevCommand implements Callable<Integer> {

    /** Every child process gets this long in all to stop before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(12);

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "PORT",
            description = "Port of the Kafka broker on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", paramLabel = "PORT",
            description = "Port of the schema registry on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--admin-port", defaultValue = "9090", paramLabel = "PORT",
            description = "Port on 127.0.0.1 of the metrics and health endpoint, with --config;"
                    + " 0 for any free port (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--no-registry", description = "Do not start the schema registry.")
    boolean noRegistry;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A tributary.yaml whose functions to run; validated before anything starts.")
    Path configFile;

    @Option(names = "--data-dir", defaultValue = ".tributary", paramLabel = "DIR",
            description = "Directory for the stack's data, created when missing (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<TributaryConfig> config = Optional.empty();
        if (configFile != null) {
            config = CommandConfig.load(configFile, spec);
            if (config.isEmpty()) {
                return ExitCodes.USAGE;
            }
        }
        boolean startRegistry = !noRegistry && config.flatMap(TributaryConfig::registry).isEmpty();
        ShutdownRequest shutdown = ShutdownRequest.onSignals();
        DevStack stack = new DevStack(settings(startRegistry));
        checkAdminPort();
        Thread safetyNet = new Thread(() -> stack.stop(STOP_GRACE), "tributary-dev-stop");
        Runtime.getRuntime().addShutdownHook(safetyNet);
        try {
            // Checked before anything is printed or started, so a taken port is one line and nothing else.
            Ports.requireFree(kafkaPort, "--kafka-port");
            if (startRegistry) {
                Ports.requireFree(registryPort, "--registry-port");
            }
            if (config.isPresent()) {
                Ports.requireFree(adminPort, "--admin-port");
            }
            out.println("Starting the dev stack (data in " + dataDir.toAbsolutePath() + ") ...");
            out.flush();
            stack.start();
        } catch (PortInUseException e) {
            spec.commandLine().getErr().println("tributary dev: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ProcessRuntime runtime = null;
        AdminServer admin = null;
        if (config.isPresent()) {
            try {
                DevTopics.createMissing(config.get(), stack.kafkaBootstrapServers());
                Optional<URI> registry = config.get().registry().map(RegistrySettings::url)
                        .or(() -> stack.registryUrl().map(URI::create));
                runtime = ProcessRuntime.start(config.get(), stack.kafkaBootstrapServers(), Role.ALL,
                        Clock.systemUTC(), dataDir, registry);
            } catch (Exception e) {
                spec.commandLine().getErr().println("tributary dev: " + configFile + " could not start: "
                        + e.getMessage());
                stack.stop(STOP_GRACE);
                Runtime.getRuntime().removeShutdownHook(safetyNet);
                return ExitCodes.RUNTIME_FAILURE;
            }
            try {
                admin = AdminServer.start(adminPort, runtime.registry(), runtime::ready);
            } catch (IOException e) {
                // Taken since the check above: the same one line as a port taken before the start.
                spec.commandLine().getErr().println("tributary dev: "
                        + new PortInUseException(adminPort, "--admin-port").getMessage());
                runtime.close();
                stack.stop(STOP_GRACE);
                Runtime.getRuntime().removeShutdownHook(safetyNet);
                return ExitCodes.USAGE;
            }
        }
        printRunning(out, stack, config, Optional.ofNullable(runtime), Optional.ofNullable(admin));

        String reason = CompletableFuture.anyOf(shutdown.requested(), stack.onUnexpectedExit()).join().toString();
        boolean requested = shutdown.requested().isDone();
        out.println(requested ? "Stopping (" + reason + ") ..." : "Stopping: " + reason);
        out.flush();
        if (admin != null) {
            admin.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        stack.stop(STOP_GRACE);
        Runtime.getRuntime().removeShutdownHook(safetyNet);
        out.println("Stopped.");
        out.flush();
        return requested ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }

    private DevStackSettings settings(boolean startRegistry) {
        try {
            return new DevStackSettings(dataDir, kafkaPort, startRegistry ? OptionalInt.of(registryPort) : OptionalInt.empty());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void checkAdminPort() {
        try {
            Ports.checkPort(adminPort);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--admin-port: " + e.getMessage());
        }
    }

    private static void printRunning(PrintWriter out, DevStack stack, Optional<TributaryConfig> config,
                                     Optional<ProcessRuntime> runtime, Optional<AdminServer> admin) {
        out.println();
        out.println("Tributary dev stack is running:");
        out.println("  Kafka bootstrap servers  " + stack.kafkaBootstrapServers());
        out.println("  Kafka log                " + stack.kafkaLog());
        stack.registryUrl().ifPresent(url -> out.println("  Schema registry          " + url));
        stack.registryLog().ifPresent(log -> out.println("  Schema registry log      " + log));
        config.flatMap(TributaryConfig::registry)
                .ifPresent(registry -> out.println("  Schema registry          " + registry.url() + " (from the config)"));
        config.ifPresent(c -> c.functions().forEach(function -> out.println("  Function                 "
                + function.name() + " (" + function.code() + ")" + function.output()
                        .map(output -> " -> " + output.topic()).orElse(""))));
        runtime.flatMap(ProcessRuntime::ingest).flatMap(IngestRuntime::httpUrl)
                .ifPresent(url -> out.println("  HTTP ingest              " + url));
        runtime.flatMap(ProcessRuntime::ingest).flatMap(IngestRuntime::mqttUrl)
                .ifPresent(url -> out.println("  MQTT endpoint            " + url));
        runtime.flatMap(ProcessRuntime::ingest).filter(IngestRuntime::runsCron).ifPresent(ingest -> config
                .flatMap(c -> c.ingest().cron()).ifPresent(cron -> cron.schedules().forEach(schedule -> out.println(
                        "  Cron schedule            " + schedule.name() + " (" + schedule.expression() + ", "
                                + zoneName(schedule.zone()) + ") -> " + schedule.topic()))));
        admin.ifPresent(server -> out.println("  Admin (metrics, health)  " + server.url()));
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static String zoneName(java.time.ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
