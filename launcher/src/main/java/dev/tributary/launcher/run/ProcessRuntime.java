package dev.tributary.launcher.run;

import dev.tributary.launcher.config.TributaryConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one process runs of a configuration, by its {@link Role}: the ingest adapters, the functions, or both,
 * with one meter registry for the {@link AdminServer} and span export when the environment configures it
 * ({@link Tracing}). Closing stops intake before the functions, so events accepted while stopping still reach Kafka
 * and the functions drain what they hold, then exports the last spans of both.
 */
public final class ProcessRuntime implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private IngestRuntime ingest;
    private FunctionRuntime functions;
    private final Tracing tracing;

    private ProcessRuntime(Tracing tracing) {
        this.tracing = tracing;
    }

    /**
     * @param bootstrapServers the cluster: the config's, or the embedded broker's
     * @param dataDir          where stream functions keep their state
     * @param schemaRegistry   the registry: the config's, or the embedded one
     * @throws Exception what a function's loading or {@code open} threw, or what the {@code OTEL_*} settings got
     *                   wrong; whatever started is stopped
     */
    public static ProcessRuntime start(TributaryConfig config, String bootstrapServers, Role role, Clock clock,
                                       Path dataDir, Optional<URI> schemaRegistry) throws Exception {
        ProcessRuntime runtime = new ProcessRuntime(Tracing.fromEnvironment());
        try {
            if (role.runsFunctions() && !config.functions().isEmpty()) {
                runtime.functions = FunctionRuntime.start(config, bootstrapServers, clock, runtime.registry, dataDir,
                        schemaRegistry, runtime.tracing.openTelemetry());
            }
            if (role.runsIngest() && config.ingest().any()) {
                Map<String, Object> kafka = new HashMap<>(config.kafka().properties());
                kafka.put("bootstrap.servers", bootstrapServers);
                runtime.ingest = IngestRuntime.start(config.ingest(), kafka, runtime.registry, clock, schemaRegistry,
                        runtime.tracing.openTelemetry());
            }
        } catch (Exception | Error e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Optional<IngestRuntime> ingest() {
        return Optional.ofNullable(ingest);
    }

    public Optional<FunctionRuntime> functions() {
        return Optional.ofNullable(functions);
    }

    /** Ready when every function's dispatcher runs and the ingest publisher reaches Kafka. */
    public boolean ready() {
        return (functions == null || functions.ready()) && (ingest == null || ingest.ready());
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (ingest != null) {
                ingest.close();
            }
        } finally {
            try {
                if (functions != null) {
                    functions.close();
                }
            } finally {
                tracing.close();
                registry.close();
            }
        }
    }
}
