package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.http.HttpIngestSettings;
import dev.tributary.ingest.http.WebhookRoute;
import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.Publisher;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.tributary.ingest.http.MountedEndpoint;

/** Builds the adapter's endpoints and their router from the settings: the one place they are wired together. */
public final class Routes {

    private Routes() {
    }

    public static RequestRouter router(HttpIngestSettings settings, Publisher publisher, IngestMetrics metrics,
                                       Clock clock, List<MountedEndpoint> mounts) {
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(settings.auth(), settings.apiKeys());
        Publishing publishing = new Publishing(publisher, new PublishReplies(settings.retryAfter()));
        EventData data = new EventData(settings.keyPointer());
        RawEvents raw = new RawEvents(clock);
        EventsEndpoint events = new EventsEndpoint(metrics.httpRoute("/events"), authenticator,
                new CloudEventReader(), data, new EventRouter(settings.routes(), settings.defaultTopic()), publishing);
        Map<String, Endpoint> topics = new LinkedHashMap<>();
        for (String topic : settings.topics()) {
            topics.put(topic, new TopicEndpoint(topic, metrics.httpRoute("/topics/" + topic), authenticator, raw,
                    data, publishing));
        }
        Map<String, Endpoint> webhooks = new LinkedHashMap<>();
        for (WebhookRoute webhook : settings.webhooks()) {
            webhooks.put(webhook.name(), new WebhookEndpoint(webhook, metrics.httpRoute("/webhooks/" + webhook.name()),
                    raw, publishing));
        }
        Map<String, Endpoint> mounted = new LinkedHashMap<>();
        for (MountedEndpoint mount : mounts) {
            if (mounted.put(mount.path(), new MountedEndpoints(mount, metrics.httpRoute(mount.path()), authenticator))
                    != null) {
                throw new IllegalArgumentException("two endpoints are mounted at " + mount.path());
            }
        }
        return new RequestRouter(events, topics, webhooks, mounted, authenticator, publisher::readiness, metrics);
    }
}
