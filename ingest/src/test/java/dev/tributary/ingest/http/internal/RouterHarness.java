package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.http.HttpIngestSettings;
import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.testing.FakePublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import dev.tributary.ingest.http.MountedEndpoint;
import java.util.concurrent.TimeUnit;

/**
 * The adapter without a socket: requests go straight to the {@link RequestRouter} that the server uses, with a
 * {@link FakePublisher} behind it. What Vert.x adds (body size limit, writing) is tested over real HTTP.
 */
final class RouterHarness {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    final FakePublisher publisher = new FakePublisher();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RequestRouter router;

    RouterHarness(HttpIngestSettings settings) {
        this(settings, List.of());
    }

    RouterHarness(HttpIngestSettings settings, List<MountedEndpoint> mounts) {
        this.router = Routes.router(settings, publisher, IngestMetrics.create(registry), Clock.fixed(NOW, ZoneOffset.UTC),
                mounts);
    }

    Reply post(String path, Map<String, String> headers, String body) {
        return send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    Reply send(String method, String path, Map<String, String> headers, byte[] body) {
        MultiMap multiMap = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(multiMap::add);
        return send(method, path, multiMap, body);
    }

    Reply send(String method, String path, MultiMap headers, byte[] body) {
        RequestRouter.Admission admission = router.admit(method, path, headers);
        Reply reply = switch (admission) {
            case RequestRouter.Answer answer -> answer.reply();
            case RequestRouter.ReadBody read -> {
                try {
                    yield read.answer(body).toCompletableFuture().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the answer did not complete", e);
                }
            }
        };
        admission.meters().answered(reply.status());
        return reply;
    }
}
