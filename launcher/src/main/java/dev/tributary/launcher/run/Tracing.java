package dev.tributary.launcher.run;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Span export over OTLP, on when the standard OpenTelemetry settings ask for it and off otherwise.
 *
 * <p>On when {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} is set, or
 * {@code OTEL_TRACES_EXPORTER} names an exporter other than {@code none}; {@code OTEL_SDK_DISABLED=true} turns it
 * off whatever else is set. Each may also be given as the system property of the same name ({@code
 * -Dotel.exporter.otlp.endpoint=...}). When on, the SDK's autoconfiguration reads every other {@code OTEL_*}
 * setting (sampler, headers, timeouts, resource attributes, batch sizes), with these defaults of Tributary's own:
 * OTLP over HTTP/protobuf, no metric or log export (metrics are Prometheus' at {@code /metrics}), and the service
 * name {@code tributary} unless the resource names one. Spans go through the batch span processor.
 *
 * <p>Off, {@link #openTelemetry()} is {@link OpenTelemetry#noop()}, which ingest and the dispatcher take as "no
 * spans" and skip at no cost per event. The SDK is never registered as the global instance: what runs in the
 * process gets it from here or not at all.
 */
public final class Tracing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    /** How long closing waits for the spans still queued to be exported. */
    private static final long FLUSH_SECONDS = 10;

    private static final Map<String, String> DEFAULTS = Map.of(
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");

    private static final Tracing OFF = new Tracing(null);

    /** Null when off. */
    private final OpenTelemetrySdk sdk;

    private Tracing(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    public static Tracing off() {
        return OFF;
    }

    /**
     * Span export as this process's environment and system properties configure it.
     *
     * @throws IllegalArgumentException when an {@code OTEL_*} setting is not valid
     */
    public static Tracing fromEnvironment() {
        if (!configured(System.getenv(), System.getProperties())) {
            return OFF;
        }
        try {
            return new Tracing(AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> DEFAULTS)
                    .addResourceCustomizer((resource, config) -> namedTributary(resource))
                    // Closed in order by the process runtime, after the functions, so their last spans get out.
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the OTEL_* settings of span export are not valid: " + e.getMessage(), e);
        }
    }

    /** Whether the settings ask for span export; see the class comment. */
    static boolean configured(Map<String, String> environment, Properties systemProperties) {
        if ("true".equalsIgnoreCase(setting("otel.sdk.disabled", environment, systemProperties))) {
            return false;
        }
        String exporter = setting("otel.traces.exporter", environment, systemProperties);
        if (exporter != null) {
            return !exporter.equalsIgnoreCase("none");
        }
        return setting("otel.exporter.otlp.traces.endpoint", environment, systemProperties) != null
                || setting("otel.exporter.otlp.endpoint", environment, systemProperties) != null;
    }

    /** A setting as the autoconfiguration reads it: the system property first, then the environment variable. */
    private static String setting(String property, Map<String, String> environment, Properties systemProperties) {
        String value = systemProperties.getProperty(property);
        if (value == null) {
            value = environment.get(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Resource namedTributary(Resource resource) {
        String name = resource.getAttribute(SERVICE_NAME);
        return name == null || name.startsWith("unknown_service")
                ? resource.merge(Resource.create(Attributes.of(SERVICE_NAME, "tributary"))) : resource;
    }

    public boolean enabled() {
        return sdk != null;
    }

    /** What ingest and the dispatcher make their spans with: {@link OpenTelemetry#noop()} when off. */
    public OpenTelemetry openTelemetry() {
        return sdk == null ? OpenTelemetry.noop() : sdk;
    }

    /** Exports the spans still queued, within 10 s, and stops the exporter. */
    @Override
    public void close() {
        if (sdk == null) {
            return;
        }
        CompletableResultCode shutdown = sdk.shutdown().join(FLUSH_SECONDS, TimeUnit.SECONDS);
        if (!shutdown.isSuccess()) {
            LOG.warn("spans still queued may not have reached the collector: exporting them failed or took longer"
                    + " than {} s", FLUSH_SECONDS);
        }
    }
}
