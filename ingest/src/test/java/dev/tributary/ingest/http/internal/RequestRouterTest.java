package dev.tributary.ingest.http.internal;

import static dev.tributary.ingest.testing.TestSettings.KEY_ALL;
import static dev.tributary.ingest.testing.TestSettings.KEY_TELEMETRY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.http.AuthMode;
import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.PublishException.Reason;
import dev.tributary.ingest.testing.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paths, methods, API keys, health and publish failures, as statuses, without a socket. */
class RequestRouterTest {

    private static final String TELEMETRY_EVENT = EventsEndpointTest.event("r-1", "com.example.telemetry.reading");
    private static final String ORDER_EVENT = EventsEndpointTest.event("r-2", "com.example.order.created");

    private final RouterHarness harness = new RouterHarness(TestSettings.settings());

    private static Map<String, String> structured(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "application/cloudevents+json");
    }

    @Test
    void anUnknownPathIs404() {
        Reply reply = harness.post("/event", structured(KEY_ALL), TELEMETRY_EVENT);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorMessage()).contains("/event", "POST /events");
    }

    @Test
    void aWrongMethodIs405WithTheAllowedOne() {
        Reply events = harness.send("GET", "/events", Map.of(), new byte[0]);
        Reply health = harness.send("POST", "/health/ready", Map.of(), new byte[0]);

        assertThat(events.status()).isEqualTo(405);
        assertThat(events.headers()).containsEntry("Allow", "POST");
        assertThat(health.status()).isEqualTo(405);
        assertThat(health.headers()).containsEntry("Allow", "GET");
    }

    @Test
    void aMissingApiKeyIs401AndAsksForABearerToken() {
        Reply reply = harness.post("/events", Map.of("Content-Type", "application/cloudevents+json"), TELEMETRY_EVENT);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(reply.errorMessage()).contains("Authorization: Bearer <key>", "X-Api-Key");
        assertThat(harness.publisher.published()).isEmpty();
    }

    @Test
    void anUnknownApiKeyIs401() {
        Reply bearer = harness.post("/events", structured("not-a-key-0123456789"), TELEMETRY_EVENT);
        Reply header = harness.post("/events", Map.of("X-Api-Key", KEY_ALL + "x",
                "Content-Type", "application/cloudevents+json"), TELEMETRY_EVENT);
        Reply basic = harness.post("/events", Map.of("Authorization", "Basic dXNlcjpwYXNz",
                "Content-Type", "application/cloudevents+json"), TELEMETRY_EVENT);

        assertThat(bearer.status()).isEqualTo(401);
        assertThat(header.status()).isEqualTo(401);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.errorMessage()).contains("is not 'Bearer <API key>'");
    }

    @Test
    void aKeyMayWriteOnlyItsTopics() {
        Reply allowed = harness.post("/events", structured(KEY_TELEMETRY), TELEMETRY_EVENT);
        Reply forbidden = harness.post("/events", structured(KEY_TELEMETRY), ORDER_EVENT);
        Reply forbiddenTopic = harness.post("/topics/raw", Map.of("X-Api-Key", KEY_TELEMETRY), "{}");

        assertThat(allowed.status()).isEqualTo(202);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorMessage()).contains("telemetry-only", "orders", "nothing was published");
        assertThat(forbiddenTopic.status()).isEqualTo(403);
        assertThat(harness.publisher.published()).extracting(published -> published.event().getId())
                .containsExactly("r-1");
    }

    @Test
    void aBatchWithAnEventForAForbiddenTopicIs403AndPublishesNothing() {
        Reply reply = harness.post("/events", Map.of("X-Api-Key", KEY_TELEMETRY,
                "Content-Type", "application/cloudevents-batch+json"), "[" + TELEMETRY_EVENT + "," + ORDER_EVENT + "]");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(harness.publisher.published()).isEmpty();
    }

    @Test
    void withAuthNoneNoKeyIsAsked() {
        RouterHarness open = new RouterHarness(TestSettings.builder("").auth(AuthMode.NONE).build());

        Reply reply = open.post("/events", Map.of("Content-Type", "application/cloudevents+json"), ORDER_EVENT);

        assertThat(reply.status()).isEqualTo(202);
    }

    @Test
    void aTopicThatIsNotOpenIs404OnlyForACallerWithAValidKey() {
        Reply withKey = harness.post("/topics/secret", Map.of("X-Api-Key", KEY_ALL), "{}");
        Reply withoutKey = harness.post("/topics/secret", Map.of(), "{}");

        assertThat(withKey.status()).isEqualTo(404);
        assertThat(withKey.errorMessage()).contains("topic secret is not open");
        assertThat(withoutKey.status()).isEqualTo(401);
    }

    @Test
    void healthIsLiveAlwaysAndReadyOnlyWhileThePublisherReachesKafka() {
        Reply live = harness.send("GET", "/health/live", Map.of(), new byte[0]);
        Reply ready = harness.send("GET", "/health/ready", Map.of(), new byte[0]);
        harness.publisher.readiness(false);
        Reply notReady = harness.send("GET", "/health/ready", Map.of(), new byte[0]);

        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().get("status").asText()).isEqualTo("UP");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.body().get("status").asText()).isEqualTo("DOWN");
        assertThat(notReady.body().get("detail").asText()).contains("kafka unreachable");
    }

    @ParameterizedTest(name = "{0} is answered {1}")
    @CsvSource({"BUSY, 503", "UNAVAILABLE, 503", "CLOSED, 503", "TOO_LARGE, 413", "INVALID, 400", "REJECTED, 500"})
    void aFailedPublishIsAnsweredWithWhatTheClientCanDo(Reason reason, int status) {
        harness.publisher.failWith(reason);

        Reply reply = harness.post("/events", structured(KEY_ALL), TELEMETRY_EVENT);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body().get("reason").asText()).isEqualTo(reason.name());
        if (status == 503) {
            assertThat(reply.headers()).containsEntry("Retry-After", "5");
        }
    }

    @Test
    void everyAnswerIsCountedUnderItsRouteAndStatusAndAcceptedEventsAndLatencyPerRoute() {
        harness.post("/events", structured(KEY_ALL), TELEMETRY_EVENT);
        harness.post("/events", Map.of(), TELEMETRY_EVENT);
        harness.post("/nowhere", Map.of(), "");

        assertThat(harness.registry.get(IngestMetrics.HTTP_REQUESTS)
                .tags(IngestMetrics.TAG_ROUTE, "/events", IngestMetrics.TAG_STATUS, "202").counter().count()).isEqualTo(1);
        assertThat(harness.registry.get(IngestMetrics.HTTP_REQUESTS)
                .tags(IngestMetrics.TAG_ROUTE, "/events", IngestMetrics.TAG_STATUS, "401").counter().count()).isEqualTo(1);
        assertThat(harness.registry.get(IngestMetrics.HTTP_REQUESTS)
                .tags(IngestMetrics.TAG_ROUTE, "unmatched", IngestMetrics.TAG_STATUS, "404").counter().count())
                .isEqualTo(1);
        assertThat(harness.registry.get(IngestMetrics.HTTP_EVENTS).tags(IngestMetrics.TAG_ROUTE, "/events").counter()
                .count()).isEqualTo(1);
        assertThat(harness.registry.get(IngestMetrics.HTTP_PUBLISH_LATENCY).tags(IngestMetrics.TAG_ROUTE, "/events")
                .timer().count()).isEqualTo(1);
    }
}
