package dev.tributary.launcher;

import dev.tributary.embedded.PortInUseException;
import dev.tributary.embedded.Ports;
import dev.tributary.launcher.dev.DevStack;
import dev.tributary.launcher.dev.DevStackSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--no-registry", description = "Do not start the schema registry.")
    boolean noRegistry;

    @Option(names = "--data-dir", defaultValue = ".tributary", paramLabel = "DIR",
            description = "Directory for the stack's data, created when missing (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ShutdownRequest shutdown = ShutdownRequest.onSignals();
        DevStack stack = new DevStack(settings());
        Thread safetyNet = new Thread(() -> stack.stop(STOP_GRACE), "tributary-dev-stop");
        Runtime.getRuntime().addShutdownHook(safetyNet);
        try {
            // Checked before anything is printed or started, so a taken port is one line and nothing else.
            Ports.requireFree(kafkaPort, "--kafka-port");
            if (!noRegistry) {
                Ports.requireFree(registryPort, "--registry-port");
            }
            out.println("Starting the dev stack (data in " + dataDir.toAbsolutePath() + ") ...");
            out.flush();
            stack.start();
        } catch (PortInUseException e) {
            spec.commandLine().getErr().println("tributary dev: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        printRunning(out, stack);

        String reason = CompletableFuture.anyOf(shutdown.requested(), stack.onUnexpectedExit()).join().toString();
        boolean requested = shutdown.requested().isDone();
        out.println(requested ? "Stopping (" + reason + ") ..." : "Stopping: " + reason);
        out.flush();
        stack.stop(STOP_GRACE);
        Runtime.getRuntime().removeShutdownHook(safetyNet);
        out.println("Stopped.");
        out.flush();
        return requested ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }

    private DevStackSettings settings() {
        try {
            return new DevStackSettings(dataDir, kafkaPort, noRegistry ? OptionalInt.empty() : OptionalInt.of(registryPort));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void printRunning(PrintWriter out, DevStack stack) {
        out.println();
        out.println("Tributary dev stack is running:");
        out.println("  Kafka bootstrap servers  " + stack.kafkaBootstrapServers());
        out.println("  Kafka log                " + stack.kafkaLog());
        stack.registryUrl().ifPresent(url -> out.println("  Schema registry          " + url));
        stack.registryLog().ifPresent(log -> out.println("  Schema registry log      " + log));
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
