package dev.tributary.ingest.storage;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.TopicEvent;
import dev.tributary.ingest.storage.internal.Deduplicator;
import dev.tributary.ingest.storage.internal.MalformedNotificationException;
import dev.tributary.ingest.storage.internal.Notification;
import dev.tributary.ingest.storage.internal.NotificationReader;
import dev.tributary.ingest.storage.internal.ObjectEvents;
import dev.tributary.ingest.storage.internal.WebhookReplies;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Receives S3 and MinIO bucket notifications over HTTP and publishes each record as one storage event (see
 * {@link StorageEvents}), keyed by the object key. It answers 202 only once Kafka has acknowledged every event of the
 * body; the other answers are in {@link WebhookReply}.
 *
 * <p>It does not serve HTTP itself and does not authenticate: mount it behind the HTTP adapter's authentication,
 * for example as {@code POST /storage/{name}}, either through {@link #handle(byte[])}, which takes a body and
 * returns the answer to write, or on a Vert.x Web router with {@link #routeHandler()}. A MinIO webhook target sends
 * its {@code auth_token} as {@code Authorization: Bearer <token>}. AWS S3 posts no webhooks itself: forward the
 * message that S3 puts on SQS, SNS or Lambda (its {@code Records} document) unchanged.
 *
 * <p><b>Redeliveries.</b> Stores deliver at least once. A record whose identity (bucket, key, event name, version
 * id, sequencer) was published within the {@link DedupSettings dedup window} is dropped and counted; so is a second
 * copy within one body. Each event's id is derived from the same identity, so a redelivery that is published again
 * (after a restart, or on another replica) carries the same id.
 *
 * <p><b>Kinds.</b> {@code ObjectCreated:Put|Post|Copy|CompleteMultipartUpload} are published as created: a
 * notification does not say whether the key existed before. {@code ObjectRemoved:*} (but MinIO's {@code NoOP}) and
 * {@code LifecycleExpiration:*} are deleted. Events that do not change an object's content (reads, tagging, ACLs,
 * retention, restores, transitions, replication) are ignored: counted and answered, not published.
 */
public final class StorageWebhook {

    private final StorageWebhookSettings settings;
    private final Publisher publisher;
    private final NotificationReader reader = new NotificationReader();
    private final ObjectEvents events;
    private final Deduplicator deduplicator;
    private final WebhookReplies replies;
    private final StorageMetrics.SourceMeters meters;

    private StorageWebhook(StorageWebhookSettings settings, Publisher publisher, StorageMetrics.SourceMeters meters,
                           Clock clock) {
        this.settings = settings;
        this.publisher = publisher;
        this.events = new ObjectEvents(settings.name());
        this.deduplicator = new Deduplicator(settings.dedup().window(), settings.dedup().maxRemembered(), clock);
        this.replies = new WebhookReplies(settings.retryAfter());
        this.meters = meters;
    }

    /**
     * @param registry where the {@link StorageMetrics} go
     * @param clock    measures the dedup window
     */
    public static StorageWebhook create(StorageWebhookSettings settings, Publisher publisher, MeterRegistry registry,
                                        Clock clock) {
        Objects.requireNonNull(settings, "settings of the storage webhook");
        Objects.requireNonNull(publisher, "publisher of the storage webhook");
        Objects.requireNonNull(registry, "registry is required: a CompositeMeterRegistry when metrics are off");
        Objects.requireNonNull(clock, "clock is required: Clock.systemUTC() outside tests");
        return new StorageWebhook(settings, publisher,
                new StorageMetrics(registry).source(settings.name(), StorageMetrics.Mode.WEBHOOK), clock);
    }

    public StorageWebhookSettings settings() {
        return settings;
    }

    /**
     * Reads a posted body and publishes its records. Never fails: every outcome is an answer. The stage completes on a
     * Kafka thread, or at once when nothing is to be published.
     */
    public CompletionStage<WebhookReply> handle(byte[] body) {
        List<Notification> notifications;
        try {
            notifications = reader.read(body);
        } catch (MalformedNotificationException e) {
            return CompletableFuture.completedStage(replies.malformed(e));
        }
        List<Notification> fresh = new ArrayList<>();
        Set<String> inBody = new HashSet<>();
        int ignored = 0;
        int duplicates = 0;
        for (Notification notification : notifications) {
            if (notification.kind().isEmpty()) {
                ignored++;
            } else if (!inBody.add(notification.identityKey()) || deduplicator.seen(notification.identityKey())) {
                duplicates++;
            } else {
                fresh.add(notification);
            }
        }
        meters.ignored(ignored);
        meters.duplicates(duplicates);
        if (fresh.isEmpty()) {
            return CompletableFuture.completedStage(replies.accepted(0, duplicates, ignored));
        }
        return publish(fresh, duplicates, ignored);
    }

    private CompletionStage<WebhookReply> publish(List<Notification> fresh, int duplicates, int ignored) {
        List<TopicEvent> batch = fresh.stream()
                .map(n -> new TopicEvent(settings.topic(), events.event(n.identity(), n.bucket(), n.key(),
                        n.kind().orElseThrow(), n.size(), n.etag(), n.time())))
                .toList();
        CompletionStage<List<Acknowledgement>> acknowledged;
        try {
            acknowledged = publisher.publishAll(batch);
        } catch (RuntimeException e) {
            acknowledged = CompletableFuture.failedStage(e);
        }
        return acknowledged.handle((acks, error) -> {
            if (error != null) {
                return replies.failed(error);
            }
            deduplicator.remember(fresh.stream().map(Notification::identityKey).toList());
            fresh.forEach(n -> meters.published(n.kind().orElseThrow(), 1));
            return replies.accepted(fresh.size(), duplicates, ignored);
        });
    }

    /**
     * The webhook as a Vert.x Web handler, for {@code router.post("/storage/orders").handler(BodyHandler.create()
     * .setBodyLimit(...)).handler(webhook.routeHandler())}: a {@code BodyHandler} must read the body before it. The
     * answer is written on the request's event loop.
     */
    public Handler<RoutingContext> routeHandler() {
        return routing -> {
            RequestBody body = routing.body();
            if (!body.available()) {
                write(routing, replies.noBody());
                return;
            }
            Buffer buffer = body.buffer();
            Context context = Vertx.currentContext();
            Future.fromCompletionStage(handle(buffer == null ? new byte[0] : buffer.getBytes()), context)
                    .onComplete(done -> write(routing, done.succeeded() ? done.result() : replies.failed(done.cause())));
        };
    }

    private static void write(RoutingContext routing, WebhookReply reply) {
        HttpServerResponse response = routing.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        response.putHeader(HttpHeaders.CONTENT_TYPE, WebhookReply.CONTENT_TYPE);
        response.end(reply.body());
    }
}
