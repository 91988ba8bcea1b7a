package dev.tributary.ingest.testing;

import dev.tributary.ingest.http.ApiKey;
import dev.tributary.ingest.http.EventRoute;
import dev.tributary.ingest.http.HttpIngestSettings;
import dev.tributary.ingest.http.WebhookRoute;
import dev.tributary.ingest.http.WebhookSignature;
import dev.tributary.schemas.filter.EventFilter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The adapter configuration most tests use: telemetry events routed by type prefix, orders by exact type,
 * everything else to a default topic, one raw topic, two webhooks, and keys of different scopes.
 */
public final class TestSettings {

    /** May write every topic. */
    public static final String KEY_ALL = "key-all-0123456789abcdef";
    /** May write the telemetry topic only. */
    public static final String KEY_TELEMETRY = "key-telemetry-0123456789";
    public static final byte[] GITHUB_SECRET = "github-webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    public static final byte[] PARTNER_SECRET = "partner-webhook-secret-012345678".getBytes(StandardCharsets.UTF_8);

    private TestSettings() {
    }

    /** The configuration with topic names that end in {@code suffix}, so tests can use topics of their own. */
    public static HttpIngestSettings.Builder builder(String suffix) {
        String telemetry = "telemetry" + suffix;
        String orders = "orders" + suffix;
        String events = "events" + suffix;
        String raw = "raw" + suffix;
        String hooks = "hooks" + suffix;
        return HttpIngestSettings.builder()
                .port(0)
                .route(new EventRoute(new EventFilter.Prefix("type", "com.example.telemetry"), telemetry))
                .route(new EventRoute(new EventFilter.Exact("type", "com.example.order.created"), orders))
                .defaultTopic(events)
                .topic(raw)
                .apiKey(new ApiKey("all", KEY_ALL, Set.of(telemetry, orders, events, raw)))
                .apiKey(new ApiKey("telemetry-only", KEY_TELEMETRY, Set.of(telemetry)))
                .webhook(new WebhookRoute("github", hooks, WebhookSignature.github(GITHUB_SECRET), "com.github.event",
                        Optional.of("X-GitHub-Delivery"), Optional.of("/repository/full_name")))
                .webhook(WebhookRoute.of("partner", hooks, WebhookSignature.hexDigest("X-Signature", PARTNER_SECRET),
                        "com.partner.notification"));
    }

    public static HttpIngestSettings settings() {
        return builder("").build();
    }
}
