package dev.tributary.launcher;

import dev.tributary.launcher.config.RegistrySettings;
import dev.tributary.launcher.config.TributaryConfig;
import dev.tributary.launcher.run.AdminServer;
import dev.tributary.launcher.run.IngestRuntime;
import dev.tributary.launcher.run.ProcessRuntime;
import dev.tributary.launcher.run.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run",
        description = {
            "Run a tributary.yaml in production against an existing Kafka cluster (kafka.bootstrapServers), as one"
                    + " role: the ingest adapters, the functions, or both.",
            "SIGTERM or Ctrl-C stops intake first, lets in-flight invocations finish within their drain timeout,"
                    + " commits what is done and exits 0."
        },
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The tributary.yaml to run.")
    Path configFile;

    @Option(names = "--role", defaultValue = "all", paramLabel = "ROLE",
            description = "ingest, dispatcher or all (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--admin-host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address of the metrics and health endpoint; 0.0.0.0 in a container"
                    + " (default: ${DEFAULT-VALUE}).")
    String adminHost;

    @Option(names = "--admin-port", defaultValue = "9090", paramLabel = "PORT",
            description = "Port of the metrics and health endpoint; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--data-dir", defaultValue = ".tributary", paramLabel = "DIR",
            description = "Where stream functions keep their state, under streams/<name> (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Role> parsedRole = parseRole();
        if (parsedRole.isEmpty()) {
            err.println("tributary run: --role '" + role + "' is not one of ingest, dispatcher, all");
            return ExitCodes.USAGE;
        }
        Optional<TributaryConfig> config = CommandConfig.load(configFile, spec);
        if (config.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Optional<String> bootstrap = config.get().kafka().bootstrapServers();
        if (bootstrap.isEmpty()) {
            err.println(configFile + ": kafka.bootstrapServers: required by tributary run, which never starts a"
                    + " broker of its own; name your cluster, e.g. kafka-1:9092,kafka-2:9092");
            return ExitCodes.USAGE;
        }
        InetAddress host;
        try {
            host = InetAddress.getByName(adminHost);
        } catch (UnknownHostException e) {
            err.println("tributary run: --admin-host '" + adminHost + "' is not an address of this machine");
            return ExitCodes.USAGE;
        }
        ShutdownRequest shutdown = ShutdownRequest.onSignals();
        ProcessRuntime runtime;
        try {
            runtime = ProcessRuntime.start(config.get(), bootstrap.get(), parsedRole.get(), Clock.systemUTC(), dataDir,
                    config.get().registry().map(RegistrySettings::url));
        } catch (Exception e) {
            err.println("tributary run: " + configFile + " could not start: " + e.getMessage());
            return ExitCodes.RUNTIME_FAILURE;
        }
        AdminServer admin;
        try {
            admin = AdminServer.start(host, adminPort, runtime.registry(), runtime::ready);
        } catch (IOException e) {
            err.println("tributary run: the admin endpoint cannot listen on " + adminHost + ":" + adminPort + ": "
                    + e.getMessage() + "; choose another with --admin-port");
            runtime.close();
            return ExitCodes.USAGE;
        }
        printRunning(out, config.get(), parsedRole.get(), runtime, admin);

        String signal = shutdown.requested().join();
        out.println("Stopping (" + signal + "): intake first, then in-flight work ...");
        out.flush();
        runtime.close();
        admin.close();
        out.println("Stopped.");
        out.flush();
        return ExitCodes.OK;
    }

    private Optional<Role> parseRole() {
        try {
            return Optional.of(Role.valueOf(role.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void printRunning(PrintWriter out, TributaryConfig config, Role role, ProcessRuntime runtime,
                              AdminServer admin) {
        out.println("Tributary is running (" + role.name().toLowerCase(Locale.ROOT) + ") against "
                + config.kafka().bootstrapServers().orElseThrow());
        runtime.functions().ifPresent(functions -> functions.functionNames().forEach(name ->
                out.println("  Function                 " + name)));
        runtime.ingest().flatMap(IngestRuntime::httpUrl)
                .ifPresent(url -> out.println("  HTTP ingest              " + url));
        runtime.ingest().flatMap(IngestRuntime::mqttUrl)
                .ifPresent(url -> out.println("  MQTT endpoint            " + url));
        if (runtime.ingest().filter(IngestRuntime::runsCron).isPresent()) {
            out.println("  Cron schedules           " + config.ingest().cron().orElseThrow().schedules().size());
        }
        out.println("  Admin (metrics, health)  " + admin.url());
        out.flush();
    }
}
