package dev.tributary.launcher.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The process's admin endpoint, on 127.0.0.1 unless told otherwise: {@code GET /metrics} in Prometheus' text format,
 * {@code GET /health/live} (the process answers) and {@code GET /health/ready} (every function's dispatcher is
 * running). Other paths answer 404 and other methods 405.
 */
public final class AdminServer implements AutoCloseable {

    /** Prometheus' text exposition format, version 0.0.4. */
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor;

    private AdminServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code port} on 127.0.0.1 (0 for any free port) and starts serving.
     *
     * @param ready whether the process is ready for traffic; called on every {@code /health/ready}
     * @throws IOException when the port cannot be bound
     */
    public static AdminServer start(int port, PrometheusMeterRegistry registry, BooleanSupplier ready)
            throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, registry, ready);
    }

    /**
     * Binds {@code port} on {@code host}: {@code 0.0.0.0} in a container, where probes and scrapes come from the
     * pod's network.
     */
    public static AdminServer start(InetAddress host, int port, PrometheusMeterRegistry registry, BooleanSupplier ready)
            throws IOException {
        Objects.requireNonNull(registry, "registry is required: the meters /metrics serves");
        Objects.requireNonNull(ready, "ready is required: what /health/ready reports");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", exchange -> handle(exchange, registry, ready));
        // Scrapes and probes are rare and short: one virtual thread each, nothing pooled to size.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new AdminServer(server, executor);
    }

    /** The port bound, the chosen one when started with 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        InetAddress host = server.getAddress().getAddress();
        return "http://" + (host.isAnyLocalAddress() ? "0.0.0.0" : host.getHostAddress()) + ":" + port();
    }

    private static void handle(HttpExchange exchange, PrometheusMeterRegistry registry, BooleanSupplier ready)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean known = path.equals("/metrics") || path.equals("/health/live") || path.equals("/health/ready");
            if (!known) {
                respond(exchange, 404, JSON, "{\"error\":\"not found\"}");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, JSON, "{\"error\":\"method not allowed\"}");
            } else if (path.equals("/metrics")) {
                respond(exchange, 200, PROMETHEUS_CONTENT_TYPE, registry.scrape());
            } else if (path.equals("/health/live") || ready.getAsBoolean()) {
                respond(exchange, 200, JSON, "{\"status\":\"UP\"}");
            } else {
                respond(exchange, 503, JSON, "{\"status\":\"DOWN\"}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting requests and gives those being answered a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
