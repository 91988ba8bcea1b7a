package dev.tributary.ingest.http.internal;

import static dev.tributary.ingest.testing.TestSettings.KEY_ALL;
import static dev.tributary.ingest.testing.TestSettings.KEY_TELEMETRY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.http.MountedEndpoint;
import dev.tributary.ingest.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Another adapter's endpoint served by the HTTP adapter: behind its API keys, answering with the handler's reply. */
class MountedEndpointsTest {

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final MountedEndpoint uploads = new MountedEndpoint("/storage/uploads", "raw", body -> {
        bodies.add(new String(body, StandardCharsets.UTF_8));
        return CompletableFuture.completedStage(new MountedEndpoint.Answer(202, Map.of("X-Seen", "1"),
                "{\"published\":1}"));
    });
    private final RouterHarness harness = new RouterHarness(TestSettings.settings(), List.of(uploads));

    @Test
    void aKeyAllowedTheTopicReachesTheHandlerAndGetsItsAnswer() {
        Reply reply = harness.post("/storage/uploads", Map.of("X-Api-Key", KEY_ALL, "Content-Type", "application/json"),
                "{\"Records\":[]}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.headers()).containsEntry("X-Seen", "1");
        assertThat(reply.body().get("published").asInt()).isEqualTo(1);
        assertThat(bodies).containsExactly("{\"Records\":[]}");
    }

    @Test
    void aKeyForOtherTopicsIs403AndAMissingKey401BeforeTheHandlerRuns() {
        assertThat(harness.post("/storage/uploads", Map.of("X-Api-Key", KEY_TELEMETRY), "{}").status()).isEqualTo(403);
        assertThat(harness.post("/storage/uploads", Map.of(), "{}").status()).isEqualTo(401);
        assertThat(bodies).isEmpty();
    }

    @Test
    void onlyTheExactPathIsMounted() {
        assertThat(harness.post("/storage/other", Map.of("X-Api-Key", KEY_ALL), "{}").status()).isEqualTo(404);
    }
}
