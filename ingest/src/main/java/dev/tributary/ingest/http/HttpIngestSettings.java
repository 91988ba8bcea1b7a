package dev.tributary.ingest.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the HTTP ingest adapter serves. Every check across settings happens here, so a server never starts with a
 * configuration it would have to refuse requests for.
 *
 * @param host         the address to bind; {@value #DEFAULT_HOST} by default, so that nothing outside the machine
 *                     reaches the port until it is bound to another address on purpose
 * @param port         the port, {@value #DEFAULT_PORT} by default; 0 for any free port ({@link HttpIngest#port()}
 *                     tells which)
 * @param maxBodySize  the largest request body in bytes, {@value #DEFAULT_MAX_BODY_SIZE} by default; larger is 413
 * @param auth         who may post to {@code /events} and {@code /topics/{topic}}; {@link AuthMode#API_KEY} by default
 * @param apiKeys      the keys and the topics each may write (with {@link AuthMode#API_KEY})
 * @param routes       where {@code /events} sends a CloudEvent: the first route whose filter matches it
 * @param defaultTopic where a CloudEvent that matches no route goes; without it such an event is 400
 * @param topics       the topics open to {@code POST /topics/{topic}}; any other topic there is 404
 * @param webhooks     the signed webhook endpoints, {@code POST /webhooks/{name}}
 * @param keyPointer   a JSON Pointer (RFC 6901) into an event's JSON data whose value becomes the record key when
 *                     the event has no {@code partitionkey} (on {@code /events}) or no {@code X-Partition-Key}
 *                     (on {@code /topics}); an event with JSON data that lacks it is 400
 * @param retryAfter   what {@code Retry-After} tells a client refused with 503, {@value #DEFAULT_RETRY_AFTER_SECONDS}
 *                     s by default; rounded up to whole seconds
 */
public record HttpIngestSettings(
        String host,
        int port,
        int maxBodySize,
        AuthMode auth,
        List<ApiKey> apiKeys,
        List<EventRoute> routes,
        Optional<String> defaultTopic,
        Set<String> topics,
        List<WebhookRoute> webhooks,
        Optional<String> keyPointer,
        Duration retryAfter) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_SIZE = 1024 * 1024;
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    public HttpIngestSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty; give an address to bind, e.g. 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535 (0 for any free port)");
        }
        if (maxBodySize < 1) {
            throw new IllegalArgumentException("maxBodySize must be at least 1 byte, not " + maxBodySize);
        }
        Objects.requireNonNull(auth, "auth is required: API_KEY, or NONE to accept requests without a key");
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
        routes = List.copyOf(Objects.requireNonNull(routes, "routes"));
        Objects.requireNonNull(defaultTopic, "defaultTopic (Optional.empty() for none)");
        defaultTopic.ifPresent(topic -> TopicNames.require(topic, "defaultTopic"));
        topics = Set.copyOf(Objects.requireNonNull(topics, "topics"));
        topics.forEach(topic -> TopicNames.require(topic, "topics"));
        webhooks = List.copyOf(Objects.requireNonNull(webhooks, "webhooks"));
        Objects.requireNonNull(keyPointer, "keyPointer (Optional.empty() for none)");
        keyPointer.ifPresent(pointer -> KeyPointers.require(pointer, "keyPointer"));
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive, not " + retryAfter);
        }
        requireUniqueWebhooks(webhooks);
        requireUsableKeys(auth, apiKeys, writableTopics(routes, defaultTopic, topics));
    }

    /** Defaults: 127.0.0.1:8080, 1 MiB bodies, API keys required, nothing routed yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).maxBodySize(maxBodySize).auth(auth).apiKeys(apiKeys)
                .routes(routes).defaultTopic(defaultTopic.orElse(null)).topics(topics).webhooks(webhooks)
                .keyPointer(keyPointer.orElse(null)).retryAfter(retryAfter);
    }

    /** Every topic that {@code /events} or {@code /topics} can write: what API keys may be scoped to. */
    public Set<String> writableTopics() {
        return writableTopics(routes, defaultTopic, topics);
    }

    private static Set<String> writableTopics(List<EventRoute> routes, Optional<String> defaultTopic,
                                              Set<String> topics) {
        Set<String> writable = new LinkedHashSet<>();
        routes.forEach(route -> writable.add(route.topic()));
        defaultTopic.ifPresent(writable::add);
        writable.addAll(topics);
        return writable;
    }

    private static void requireUniqueWebhooks(List<WebhookRoute> webhooks) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            if (!names.add(webhooks.get(i).name())) {
                throw new IllegalArgumentException("webhooks[" + i + "]: the name '" + webhooks.get(i).name()
                        + "' is taken by an earlier webhook; give each its own path");
            }
        }
    }

    private static void requireUsableKeys(AuthMode auth, List<ApiKey> apiKeys, Set<String> writable) {
        if (auth == AuthMode.API_KEY && !writable.isEmpty() && apiKeys.isEmpty()) {
            throw new IllegalArgumentException("auth is API_KEY but no apiKeys are configured, so nobody could post "
                    + "to /events or /topics; add apiKeys, or set auth to NONE to accept requests without a key");
        }
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < apiKeys.size(); i++) {
            ApiKey key = apiKeys.get(i);
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("apiKeys[" + i + "]: the name '" + key.name() + "' is taken by an "
                        + "earlier key; give each key its own name");
            }
            if (!keys.add(key.key())) {
                throw new IllegalArgumentException("apiKeys[" + i + "] (" + key.name() + ") has the same secret as an "
                        + "earlier key; give each client its own key");
            }
            for (String topic : key.topics()) {
                if (!writable.contains(topic)) {
                    throw new IllegalArgumentException("apiKeys[" + i + "] (" + key.name() + ") allows topic '" + topic
                            + "', which no route, defaultTopic or topics entry writes; writable topics are "
                            + writable);
                }
            }
        }
    }

    /** Builds {@link HttpIngestSettings}, starting from the defaults. Not thread-safe. */
    public static final class Builder {

        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int maxBodySize = DEFAULT_MAX_BODY_SIZE;
        private AuthMode auth = AuthMode.API_KEY;
        private final List<ApiKey> apiKeys = new ArrayList<>();
        private final List<EventRoute> routes = new ArrayList<>();
        private String defaultTopic;
        private final Set<String> topics = new LinkedHashSet<>();
        private final List<WebhookRoute> webhooks = new ArrayList<>();
        private String keyPointer;
        private Duration retryAfter = Duration.ofSeconds(DEFAULT_RETRY_AFTER_SECONDS);

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder maxBodySize(int bytes) {
            this.maxBodySize = bytes;
            return this;
        }

        public Builder auth(AuthMode auth) {
            this.auth = auth;
            return this;
        }

        public Builder apiKey(ApiKey key) {
            apiKeys.add(key);
            return this;
        }

        public Builder apiKeys(List<ApiKey> keys) {
            apiKeys.clear();
            apiKeys.addAll(keys);
            return this;
        }

        public Builder route(EventRoute route) {
            routes.add(route);
            return this;
        }

        public Builder routes(List<EventRoute> all) {
            routes.clear();
            routes.addAll(all);
            return this;
        }

        /** Where unmatched events go; {@code null} for none. */
        public Builder defaultTopic(String topic) {
            this.defaultTopic = topic;
            return this;
        }

        public Builder topic(String topic) {
            topics.add(topic);
            return this;
        }

        public Builder topics(Set<String> all) {
            topics.clear();
            topics.addAll(all);
            return this;
        }

        public Builder webhook(WebhookRoute webhook) {
            webhooks.add(webhook);
            return this;
        }

        public Builder webhooks(List<WebhookRoute> all) {
            webhooks.clear();
            webhooks.addAll(all);
            return this;
        }

        /** The JSON Pointer to key events by; {@code null} for none. */
        public Builder keyPointer(String pointer) {
            this.keyPointer = pointer;
            return this;
        }

        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting at fault and what is allowed */
        public HttpIngestSettings build() {
            return new HttpIngestSettings(host, port, maxBodySize, auth, apiKeys, routes,
                    Optional.ofNullable(defaultTopic), topics, webhooks, Optional.ofNullable(keyPointer), retryAfter);
        }
    }
}
