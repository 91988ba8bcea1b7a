package dev.tributary.connectors.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers as the test scripts it, by default 200.
 * An answer of {@link #hang()} holds the request until the receiver is closed, for timeout tests.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header, by name in any case. */
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        /** The CloudEvent id: the ce-id header in binary mode, the id member in structured mode. */
        String eventId() {
            return header("ce-id").orElseGet(() -> {
                try {
                    return new ObjectMapper().readTree(body).path("id").asText();
                } catch (IOException e) {
                    throw new UncheckedIOException("neither a ce-id header nor a JSON body", e);
                }
            });
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the receiver answers. */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer status(int status) {
            return new Answer(status, Map.of(), "");
        }

        static Answer status(int status, String body) {
            return new Answer(status, Map.of(), body);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, Map.copyOf(more), body);
        }
    }

    private static final Answer HANG = new Answer(-1, Map.of(), "");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Received, Answer> answers = request -> Answer.status(200);

    private WebhookReceiver() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    /** The answer that holds a request until the receiver closes. */
    static Answer hang() {
        return HANG;
    }

    /** The URL of {@code path} on this receiver, such as {@code http://127.0.0.1:41234/hooks/orders}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(Function<Received, Answer> script) {
        this.answers = script;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received only() {
        List<Received> all = received();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + all.size());
        }
        return all.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes());
            received.add(request);
            Answer answer = scripted(request);
            if (answer == HANG) {
                released.await();
                return;
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The script's answer; a script that throws answers 500 with its error, so a failing test says why. */
    private Answer scripted(Received request) {
        try {
            return answers.apply(request);
        } catch (RuntimeException e) {
            return Answer.status(500, "the receiver's script failed: " + e);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
