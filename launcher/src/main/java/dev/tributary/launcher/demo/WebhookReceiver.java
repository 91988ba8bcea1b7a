package dev.tributary.launcher.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's stand-in for a service behind the alert webhook: answers every POST to {@code /alerts} with 204 and
 * remembers the CloudEvents ids it received, so a copy of an alert counts once.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port of 127.0.0.1. */
    public static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/alerts", receiver::receive);
        server.start();
        return receiver;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("ce-id");
            if (!"POST".equals(exchange.getRequestMethod()) || id == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            ids.add(id);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/alerts";
    }

    /** The ids of the alerts received so far. */
    public Set<String> receivedIds() {
        return Set.copyOf(ids);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
