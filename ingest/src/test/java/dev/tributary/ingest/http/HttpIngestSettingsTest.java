package dev.tributary.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.testing.TestSettings;
import dev.tributary.schemas.filter.EventFilter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpIngestSettingsTest {

    private static final String KEY = "0123456789abcdef0123";

    @Test
    void theDefaultsBindLocallyOnPort8080WithOneMebibyteBodiesAndApiKeys() {
        HttpIngestSettings settings = HttpIngestSettings.builder().build();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.maxBodySize()).isEqualTo(1024 * 1024);
        assertThat(settings.auth()).isEqualTo(AuthMode.API_KEY);
        assertThat(settings.defaultTopic()).isEmpty();
        assertThat(settings.keyPointer()).isEmpty();
        assertThat(settings.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBuilderStartedFromSettingsGivesTheSameSettings() {
        HttpIngestSettings settings = TestSettings.builder("-x").keyPointer("/id").build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void writableTopicsAreThoseOfRoutesTheDefaultAndOpenTopics() {
        assertThat(TestSettings.settings().writableTopics()).containsExactlyInAnyOrder("telemetry", "orders", "events",
                "raw");
    }

    @Test
    void apiKeyAuthWithTopicsButNoKeysIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> HttpIngestSettings.builder().defaultTopic("events").build())
                .hasMessageContaining("no apiKeys are configured").hasMessageContaining("set auth to NONE");
    }

    @Test
    void aKeyForATopicNothingWritesIsRefusedAsATypo() {
        assertThatThrownBy(() -> HttpIngestSettings.builder().defaultTopic("events")
                .apiKey(new ApiKey("ci", KEY, Set.of("evnets"))).build())
                .hasMessageContaining("apiKeys[0] (ci) allows topic 'evnets'")
                .hasMessageContaining("[events]");
    }

    @Test
    void keysAndWebhooksMustBeUniqueAndKeysLongEnough() {
        assertThatThrownBy(() -> new ApiKey("short", "abc", Set.of("t")))
                .hasMessageContaining("at least 16").hasMessageContaining("openssl rand");
        assertThatThrownBy(() -> HttpIngestSettings.builder().defaultTopic("t")
                .apiKey(new ApiKey("a", KEY, Set.of("t"))).apiKey(new ApiKey("b", KEY, Set.of("t"))).build())
                .hasMessageContaining("apiKeys[1] (b) has the same secret");
        WebhookSignature signature = WebhookSignature.github("s".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> HttpIngestSettings.builder()
                .webhook(WebhookRoute.of("gh", "t", signature, "com.github.event"))
                .webhook(WebhookRoute.of("gh", "u", signature, "com.github.event")).build())
                .hasMessageContaining("webhooks[1]: the name 'gh' is taken");
    }

    @Test
    void namesThatCannotWorkAreRefusedWhenTheSettingsAreMade() {
        assertThatThrownBy(() -> new EventRoute(EventFilter.ALL, "bad topic"))
                .hasMessageContaining("'bad topic' is not a Kafka topic name");
        assertThatThrownBy(() -> HttpIngestSettings.builder().keyPointer("deviceId").build())
                .hasMessageContaining("keyPointer: 'deviceId' is not a JSON Pointer");
        assertThatThrownBy(() -> WebhookRoute.of("a/b", "t",
                WebhookSignature.github("s".getBytes(StandardCharsets.UTF_8)), "x"))
                .hasMessageContaining("cannot be a path segment");
        assertThatThrownBy(() -> WebhookSignature.github(new byte[0])).hasMessageContaining("secret").hasMessageContaining("empty");
        assertThatThrownBy(() -> HttpIngestSettings.builder().port(70_000).build()).hasMessageContaining("port 70000");
    }

    @Test
    void secretsAreNeverPrinted() {
        WebhookSignature signature = WebhookSignature.hexDigest("X-Signature", "hunter2".getBytes(StandardCharsets.UTF_8));
        ApiKey key = new ApiKey("ci", KEY, Set.of("t"));
        WebhookRoute route = new WebhookRoute("w", "t", signature, "x", Optional.empty(), Optional.empty());

        assertThat(signature + " " + key + " " + route).doesNotContain("hunter2").doesNotContain(KEY);
    }
}
