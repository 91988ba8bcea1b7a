package dev.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@WithSchemaRegistry
class SchemaRegistryIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheConfluentApiOnLoopbackWithBackwardCompatibility(@SchemaRegistryUrl String url) throws Exception {
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");

        assertThat(get(url + "/subjects").statusCode()).isEqualTo(200);
        assertThat(get(url + "/config").body()).contains("\"BACKWARD\"");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
