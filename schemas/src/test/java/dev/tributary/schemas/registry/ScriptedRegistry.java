package dev.tributary.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted stand-in for a registry, for unit tests of the client's own logic (retries, caching, error
 * parsing, request shape): it answers each request with the next scripted answer and records the request.
 * An unscripted request gets a 599, which no test expects.
 */
final class ScriptedRegistry implements AutoCloseable {

    /** A request as the stub received it. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body) {
        static final Answer HANG_UP = new Answer(-1, "");
    }

    private final HttpServer server;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ScriptedRegistry() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next request with {@code status} and a JSON {@code body}. */
    ScriptedRegistry answer(int status, String body) {
        script.add(new Answer(status, body));
        return this;
    }

    /** Answers the next request with a registry error body. */
    ScriptedRegistry error(int status, int errorCode, String message) {
        return answer(status, "{\"error_code\":" + errorCode + ",\"message\":\"" + message + "\"}");
    }

    /** Closes the connection of the next request without answering. */
    ScriptedRegistry hangUp() {
        script.add(Answer.HANG_UP);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Answer(599, "{\"error_code\":599,\"message\":\"unscripted request\"}");
        }
        if (answer == Answer.HANG_UP) {
            // The JDK server drops the connection when a handler throws, before any response byte is sent.
            throw new IOException("scripted hang-up");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
