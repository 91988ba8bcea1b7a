package dev.tributary.ingest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP/1.1 client for the adapter, as any sender would use: the JDK's, no Tributary code. */
public final class IngestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    /** An answer, with its body read as JSON. */
    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("the answer is not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public IngestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, Map<String, String> headers, String body) {
        return post(path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public Response post(String path, Map<String, String> headers, byte[] body) {
        return send(path, "POST", headers, HttpRequest.BodyPublishers.ofByteArray(body), false);
    }

    /** Posts a body without {@code Content-Length}: it is sent chunked, so the server learns its size only by reading. */
    public Response postChunked(String path, Map<String, String> headers, byte[] body) {
        return send(path, "POST", headers,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), false);
    }

    /** Posts with {@code Expect: 100-continue}: the body is sent only if the server asks for it. */
    public Response postExpectingContinue(String path, Map<String, String> headers, byte[] body) {
        return send(path, "POST", headers, HttpRequest.BodyPublishers.ofByteArray(body), true);
    }

    /**
     * Sends any method to any path with any headers the JDK client agrees to send.
     *
     * @throws IllegalArgumentException when the client refuses to send the path or a header
     */
    public Response send(String path, String method, Map<String, String> headers, HttpRequest.BodyPublisher body,
                         boolean expectContinue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body)
                .expectContinue(expectContinue).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
