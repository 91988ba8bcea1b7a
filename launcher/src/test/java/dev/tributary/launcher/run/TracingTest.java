package dev.tributary.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Span export is off unless the standard OpenTelemetry settings ask for it. */
class TracingTest {

    private static boolean configured(Map<String, String> environment) {
        return Tracing.configured(environment, new Properties());
    }

    @Test
    void offWithoutAnyOtelSetting() {
        assertThat(configured(Map.of())).isFalse();
        assertThat(configured(Map.of("OTEL_SERVICE_NAME", "shop"))).as("naming the service exports nothing")
                .isFalse();
        assertThat(configured(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))).as("a blank value is no value").isFalse();
    }

    @Test
    void onWithAnOtlpEndpointOrATracesExporter() {
        assertThat(configured(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))).isTrue();
        assertThat(configured(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")))
                .isTrue();
        assertThat(configured(Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
    }

    @Test
    void theNoneExporterOrADisabledSdkTurnItOffWhateverElseIsSet() {
        assertThat(configured(Map.of("OTEL_TRACES_EXPORTER", "none",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))).isFalse();
        assertThat(configured(Map.of("OTEL_SDK_DISABLED", "true",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))).isFalse();
    }

    @Test
    void aSystemPropertyTakesPrecedenceOverTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("otel.traces.exporter", "none");

        assertThat(Tracing.configured(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), properties))
                .isFalse();
        properties.setProperty("otel.traces.exporter", "otlp");
        assertThat(Tracing.configured(Map.of(), properties)).isTrue();
    }

    @Test
    void offIsTheNoopApiThatIngestAndTheDispatcherSkip() {
        try (Tracing off = Tracing.off()) {
            assertThat(off.enabled()).isFalse();
            assertThat(off.openTelemetry()).isSameAs(OpenTelemetry.noop());
        }
    }
}
