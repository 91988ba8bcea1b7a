package dev.tributary.launcher;

import dev.tributary.embedded.Ports;
import dev.tributary.launcher.config.TributaryConfig;
import dev.tributary.launcher.demo.CommandBroker;
import dev.tributary.launcher.demo.DemoConfig;
import dev.tributary.launcher.demo.DemoObserver;
import dev.tributary.launcher.demo.DemoProgress;
import dev.tributary.launcher.demo.DemoStack;
import dev.tributary.launcher.demo.DemoSummary;
import dev.tributary.launcher.demo.DeviceFleet;
import dev.tributary.launcher.demo.PipelineCounts;
import dev.tributary.launcher.demo.PipelineLag;
import dev.tributary.launcher.demo.SimulatedDevices;
import dev.tributary.launcher.demo.WebhookReceiver;
import dev.tributary.launcher.dev.DevTopics;
import dev.tributary.launcher.run.AdminServer;
import dev.tributary.launcher.run.ProcessRuntime;
import dev.tributary.launcher.run.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = {
            "Run the IoT example end to end on this machine: Kafka, a schema registry, the MQTT endpoint, the"
                    + " example's functions, a webhook receiver and an MQTT broker for the device commands, and an"
                    + " S3-compatible store for the archive of window summaries, with simulated devices (some running"
                    + " hot, some sending faulty readings).",
            "Prints progress every 2 seconds, then a summary, and exits 0 once every reading is accounted for"
                    + " (processed, dead-lettered or invalid), every alert reached both alert sinks and every window"
                    + " summary is in the archive bucket; 1 otherwise.",
            "Everything listens on 127.0.0.1, on free ports, with its data in a temporary directory."
        },
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

    /**
     * How often the devices publish: with 5-second windows and 3 seconds of grace, 24 readings (12 s) close one or two
     * windows per device.
     */
    static final Duration READING_INTERVAL = Duration.ofMillis(500);
    /** Fewer readings than this span too little time for a window to close, so nothing would alert. */
    static final int MIN_READINGS = 20;
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    @Spec
    CommandSpec spec;

    @Option(names = "--devices", defaultValue = "50", paramLabel = "N",
            description = "How many devices to simulate, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--readings", defaultValue = "24", paramLabel = "N",
            description = "Readings per device, one every 0.5 s, at least " + MIN_READINGS
                    + " (default: ${DEFAULT-VALUE}).")
    int readings;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "How long to wait, once the devices are done, for every event to be accounted for"
                    + " (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--keep-running",
            description = "Leave the stack up after the summary, for exploring, until Ctrl-C.")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (devices < 1 || devices > 1_000 || readings < MIN_READINGS || timeoutSeconds < 1) {
            err.println("tributary demo: --devices must be 1 to 1000, --readings at least " + MIN_READINGS
                    + " and --timeout at least 1");
            return ExitCodes.USAGE;
        }
        if (!DemoConfig.exampleFunctionsOnClasspath()) {
            err.println("tributary demo: the IoT example's functions (" + DemoConfig.EXAMPLE_CLASS + ") are not on"
                    + " the classpath; run the demo as bin/tributary demo, which builds examples/ and adds"
                    + " examples/target/classes");
            return ExitCodes.RUNTIME_FAILURE;
        }
        long started = System.nanoTime();
        quietLateReadings();
        ShutdownRequest shutdown = ShutdownRequest.onSignals();
        Path dataDir = Files.createTempDirectory("tributary-demo-");
        DeviceFleet fleet = new DeviceFleet(devices, readings);
        boolean complete = false;
        try (WebhookReceiver webhook = WebhookReceiver.start(); CommandBroker commands = CommandBroker.start()) {
            int mqttPort = Ports.freePort();
            DemoStack stack = new DemoStack(dataDir);
            Thread safetyNet = new Thread(() -> stack.stop(DevCommand.STOP_GRACE), "tributary-demo-stop");
            Runtime.getRuntime().addShutdownHook(safetyNet);
            ProcessRuntime runtime = null;
            AdminServer admin = null;
            try {
                out.println("Starting Kafka, the schema registry, the S3 store and the IoT pipeline (data in "
                        + dataDir + ") ...");
                out.flush();
                stack.start();
                Path configFile = DemoConfig.write(dataDir, new DemoConfig.Ports(mqttPort, webhook.port(),
                        commands.port(), stack.objectStorePort()));
                TributaryConfig config = DemoConfig.load(configFile);
                DevTopics.createMissing(config, stack.kafkaBootstrapServers());
                runtime = ProcessRuntime.start(config, stack.kafkaBootstrapServers(), Role.ALL, Clock.systemUTC(),
                        dataDir, Optional.of(stack.registryUrl()));
                admin = AdminServer.start(0, runtime.registry(), runtime::ready);
                if (!awaitReady(runtime)) {
                    err.println("tributary demo: the functions did not all start within " + READY_TIMEOUT.toSeconds()
                            + " s; see the log lines above");
                    return ExitCodes.RUNTIME_FAILURE;
                }
                DemoSummary summary = new DemoSummary(fleet, stack.kafkaBootstrapServers(),
                        stack.registryUrl().toString(), runtime.ingest().flatMap(ingest -> ingest.mqttUrl()).orElseThrow(),
                        webhook.url(), commands.url(), stack.archive().location(), admin.url(), configFile,
                        stack.kafkaLog());
                summary.printStart(out);
                try (PipelineCounts counts = PipelineCounts.start(stack.kafkaBootstrapServers(),
                        DemoConfig.TEMPERATURE_ABOVE);
                     PipelineLag lag = new PipelineLag(config, runtime.registry(), stack.kafkaBootstrapServers())) {
                    SimulatedDevices simulated = new SimulatedDevices(fleet, mqttPort, READING_INTERVAL).start();
                    DemoObserver observer = new DemoObserver(simulated, counts, webhook, commands, stack.archive(),
                            lag);
                    DemoProgress last = watch(out, observer, simulated, shutdown, stack.onUnexpectedExit());
                    complete = last.complete();
                    summary.print(out, last, Duration.ofNanos(System.nanoTime() - started), keepRunning);
                    simulated.finished().exceptionally(error -> {
                        err.println("tributary demo: the devices failed: " + error.getMessage());
                        return null;
                    });
                }
                if (keepRunning && !shutdown.requested().isDone()) {
                    summary.printKeepRunning(out);
                    CompletableFuture.anyOf(shutdown.requested(), stack.onUnexpectedExit()).join();
                }
            } finally {
                out.println("Stopping ...");
                out.flush();
                if (admin != null) {
                    admin.close();
                }
                if (runtime != null) {
                    runtime.close();
                }
                stack.stop(DevCommand.STOP_GRACE);
                Runtime.getRuntime().removeShutdownHook(safetyNet);
            }
        }
        if (complete) {
            deleteQuietly(dataDir);
        } else {
            out.println("The data and logs stay in " + dataDir + " for a look; delete it when done.");
        }
        out.flush();
        return complete ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }

    /**
     * Kafka Streams warns once per reading that arrives after its window closed. Devices that publish together reach
     * window-aggregate out of order while validate-enrich works off its first backlog, so some of the demo's readings
     * are late by design; the summaries leave them out, and a line for each would bury the progress.
     */
    private static void quietLateReadings() {
        if (org.slf4j.LoggerFactory.getLogger("org.apache.kafka.streams.kstream.internals")
                instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static boolean awaitReady(ProcessRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!runtime.ready()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return true;
    }

    /**
     * Prints a progress line every {@link #PROGRESS_INTERVAL} until every event is accounted for, the timeout after the
     * devices finished has passed, a signal asks to stop, or a server exits; returns the last progress.
     */
    private DemoProgress watch(PrintWriter out, DemoObserver observer, SimulatedDevices simulated,
                               ShutdownRequest shutdown, CompletableFuture<String> serverExit)
            throws InterruptedException {
        long devicesDoneAt = Long.MAX_VALUE;
        boolean completeBefore = false;
        while (true) {
            TimeUnit.NANOSECONDS.sleep(PROGRESS_INTERVAL.toNanos());
            DemoProgress progress = observer.snapshot();
            out.println(progress.line());
            out.flush();
            // Twice in a row: the counts read the topics a moment behind Kafka, so a window summary committed just
            // before window-aggregate's lag reached 0 may not have been counted yet the first time.
            if (progress.complete() && completeBefore) {
                return progress;
            }
            completeBefore = progress.complete();
            if (simulated.finished().isDone() && devicesDoneAt == Long.MAX_VALUE) {
                devicesDoneAt = System.nanoTime();
            }
            if (shutdown.requested().isDone()) {
                out.println("Stopping early (" + shutdown.requested().join() + ").");
                return progress;
            }
            if (serverExit.isDone()) {
                out.println("Stopping early: " + serverExit.join());
                return progress;
            }
            if (simulated.finished().isCompletedExceptionally()
                    || System.nanoTime() - devicesDoneAt > Duration.ofSeconds(timeoutSeconds).toNanos()) {
                return progress;
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
