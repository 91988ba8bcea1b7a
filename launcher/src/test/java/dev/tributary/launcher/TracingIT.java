package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.embedded.Ports;
import dev.tributary.launcher.OtlpReceiver.ReceivedSpan;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary run} with span export configured by the standard {@code OTEL_*} variables, sending OTLP/HTTP to a
 * receiver in this test: a CloudEvent posted with a {@code traceparent} yields an ingest span that is its child and
 * a dispatcher span that is the ingest span's child, all in the caller's trace, and the function's output carries
 * the dispatcher span as its {@code traceparent}. The batch processor's delay is longer than the test, so the spans
 * arrive only because the process exports them when it stops.
 */
@WithLocalKafka
class TracingIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String IN = "traced-in";
    private static final String OUT = "traced-out";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @TempDir
    Path dir;

    @Test
    void anIngestedEventsSpansAndItsOutputAreInTheCallersTrace(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, IN, 1, (short) 1, Map.of());
        KafkaTestClients.createTopic(bootstrap, OUT, 1, (short) 1, Map.of());
        int httpPort = Ports.freePort();
        Path config = Files.writeString(dir.resolve("tributary.yaml"), """
                kafka:
                  bootstrapServers: %s
                ingest:
                  http:
                    port: %d
                    auth: none
                    defaultTopic: %s
                functions:
                  - name: upper
                    handler: dev.tributary.launcher.Upper
                    subscribe: { topics: [%s], startFrom: earliest }
                    output: { topic: %s }
                """.formatted(bootstrap, httpPort, IN, IN, OUT));

        try (OtlpReceiver collector = OtlpReceiver.start()) {
            Map<String, String> environment = Map.of(
                    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.tracesEndpoint(),
                    "OTEL_SERVICE_NAME", "tributary-it",
                    "OTEL_BSP_SCHEDULE_DELAY", "600000");
            try (LauncherProcess run = LauncherProcess.start(environment, "run", "--config", config.toString(),
                    "--admin-port", "0", "--data-dir", dir.resolve("data").toString())) {
                run.awaitOutput("Admin (metrics, health)", WAIT);

                HttpResponse<String> accepted = post("http://127.0.0.1:" + httpPort + "/events");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                ConsumerRecord<String, String> output = await().atMost(WAIT).until(
                        () -> KafkaTestClients.readTopic(bootstrap, OUT, Duration.ofSeconds(5)),
                        records -> !records.isEmpty()).getFirst();
                assertThat(output.value()).isEqualTo("HELLO");
                assertThat(collector.spans()).as("nothing is exported before the batch delay or the shutdown").isEmpty();

                run.signal("TERM");
                assertThat(run.awaitExit(Duration.ofSeconds(60))).isEqualTo(ExitCodes.OK);

                List<ReceivedSpan> trace = collector.spans().stream()
                        .filter(span -> span.traceId().equals(TRACE_ID)).toList();
                ReceivedSpan publish = only(trace, "publish " + IN);
                ReceivedSpan process = only(trace, "process " + IN);

                assertThat(publish.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_PRODUCER);
                assertThat(publish.parentSpanId()).as("the request's traceparent is the parent")
                        .isEqualTo(CALLER_SPAN_ID);
                assertThat(process.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
                assertThat(process.parentSpanId()).as("the dispatcher continues from the ingest span")
                        .isEqualTo(publish.spanId());
                assertThat(process.attribute("messaging.destination.name")).isEqualTo(IN);
                assertThat(process.attribute("messaging.consumer.group.name")).isEqualTo("tributary.upper");
                assertThat(process.attribute("messaging.kafka.offset")).isEqualTo("0");
                assertThat(trace).extracting(ReceivedSpan::service).containsOnly("tributary-it");
                assertThat(header(output, "ce_traceparent")).as("the output continues from the dispatcher span")
                        .isEqualTo("00-" + TRACE_ID + "-" + process.spanId() + "-01");
            }
        }
    }

    private static HttpResponse<String> post(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("ce-specversion", "1.0").header("ce-id", "greeting-1").header("ce-source", "/tests")
                .header("ce-type", "com.example.greeting").header("Content-Type", "text/plain")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
        List<ReceivedSpan> named = spans.stream().filter(span -> span.span().getName().equals(name)).toList();
        assertThat(named).as("spans named '%s' among %s", name, spans.stream().map(s -> s.span().getName()).toList())
                .hasSize(1);
        return named.getFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
