package dev.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithS3
class S3ProxyServerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheS3ApiOnLoopbackAndRefusesUnsignedRequests(@S3Endpoint URI endpoint, S3ProxyServer server)
            throws Exception {
        assertThat(endpoint.toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(server.endpoint()).isEqualTo(endpoint);

        HttpResponse<String> listBuckets = http.send(HttpRequest.newBuilder(endpoint).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(listBuckets.statusCode()).isEqualTo(403);
        assertThat(listBuckets.body()).contains("<Code>AccessDenied</Code>");
    }

    @Test
    void closeStopsTheServer(@TempDir Path workDir) {
        S3ProxyServer server = S3ProxyServer.start(workDir);
        assertThat(server.isAlive()).isTrue();

        server.close();

        assertThat(server.isAlive()).isFalse();
    }
}
