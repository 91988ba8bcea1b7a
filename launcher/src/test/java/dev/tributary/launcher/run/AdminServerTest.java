package dev.tributary.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin endpoint over real HTTP on an ephemeral port. */
class AdminServerTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newHttpClient();
    private AdminServer server;

    @BeforeEach
    void start() throws Exception {
        server = AdminServer.start(0, registry, ready::get);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void metricsServesRegisteredMetersInPrometheusTextFormat() throws Exception {
        Counter.builder("tributary.dispatch.invocations").tag("function", "orders").tag("outcome", "success")
                .register(registry).increment(3);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("tributary_dispatch_invocations_total{function=\"orders\",outcome=\"success\"} 3.0");
    }

    @Test
    void liveIsUp() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readyIs200WhenReadyAnd503WhenNot() throws Exception {
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);

        ready.set(false);

        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void aMethodOtherThanGetIs405() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.url() + path);
    }
}
