package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.mqtt.internal.BrokerAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bridge subscribes to an existing MQTT 5 broker. Immutable; the constructor checks every field and fails
 * with an {@link SettingsException} naming the setting.
 *
 * <p>Replicas that share {@link #group()} split the messages: each mapping's filter is subscribed as
 * {@code $share/<group>/<filter>}, and the broker hands each message to one of them. Each replica needs a
 * {@link #clientId()} of its own that stays the same across restarts: its session, and the messages it had not
 * acknowledged, wait on the broker under that id for up to {@link #sessionExpiry()}. How many messages a replica
 * holds unacknowledged at once is the broker's in-flight window (mosquitto's {@code max_inflight_messages}, 20 by
 * default): the bridge accepts as many as MQTT allows and lets the broker set the pace.
 *
 * @param url             the broker, {@code mqtt://host:port} or {@code mqtts://host:port};
 *                        {@value #DEFAULT_URL} by default
 * @param clientId        this replica's MQTT client id, stable across restarts (a StatefulSet pod name, a host
 *                        name); required
 * @param group           the shared subscription group; {@value #DEFAULT_GROUP} by default
 * @param mappings        where messages go; at least one, filters disjoint (a broker delivers a message once per
 *                        matching shared subscription)
 * @param credentials     the username and password for the broker; empty for anonymous
 * @param qos             the QoS of the subscriptions, 1 or 2; {@value #DEFAULT_QOS} by default. Kafka gets each
 *                        message at least once either way
 * @param sessionExpiry   how long the broker keeps this replica's session and unacknowledged messages while it is
 *                        disconnected; at least a second, one hour by default
 * @param retryBackoff    the first wait before publishing a message again that Kafka did not take; doubled per
 *                        attempt, 100 ms by default
 * @param maxRetryBackoff the longest wait between attempts; 10 s by default
 */
public record MqttBridgeSettings(String url, String clientId, String group, List<MqttMapping> mappings,
                                 Optional<MqttCredentials> credentials, int qos, Duration sessionExpiry,
                                 Duration retryBackoff, Duration maxRetryBackoff) {

    public static final String DEFAULT_URL = "mqtt://127.0.0.1:1883";
    public static final String DEFAULT_GROUP = "tributary";
    public static final int DEFAULT_QOS = 1;
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_RETRY_BACKOFF = Duration.ofSeconds(10);
    /** The longest session expiry MQTT 5 can express short of "never". */
    static final Duration MAX_SESSION_EXPIRY = Duration.ofSeconds(0xFFFF_FFFEL);

    public MqttBridgeSettings {
        try {
            BrokerAddress.parse(url);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("url", e.getMessage());
        }
        if (clientId == null || clientId.isBlank()) {
            throw new SettingsException("clientId", "is empty; give each replica a stable id of its own, such "
                    + "as its StatefulSet pod name, so that it finds its session again after a restart");
        }
        if (clientId.length() > 256) {
            throw new SettingsException("clientId", "has " + clientId.length() + " characters; use at most 256");
        }
        if (group == null || group.isEmpty() || group.chars().anyMatch(c -> c == '/' || c == '+' || c == '#')) {
            throw new SettingsException("group", "'" + group + "' cannot name a shared subscription; use a "
                    + "non-empty name without '/', '+' and '#', such as " + DEFAULT_GROUP);
        }
        mappings = List.copyOf(Objects.requireNonNull(mappings, "mappings"));
        MappingChecks.requireMappings(mappings);
        MappingChecks.requireDisjoint(mappings);
        Objects.requireNonNull(credentials, "credentials (Optional.empty() for anonymous)");
        if (qos != 1 && qos != 2) {
            throw new SettingsException("qos", qos + " is not 1 or 2; QoS 0 has no acknowledgement, so messages "
                    + "could be lost between the broker and Kafka");
        }
        if (sessionExpiry == null || sessionExpiry.compareTo(Duration.ofSeconds(1)) < 0
                || sessionExpiry.compareTo(MAX_SESSION_EXPIRY) > 0) {
            throw new SettingsException("sessionExpiry", sessionExpiry + " is not between 1 s and "
                    + MAX_SESSION_EXPIRY.toSeconds() + " s; the broker must keep the session while a replica "
                    + "restarts, or unacknowledged messages are lost");
        }
        if (retryBackoff == null || retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new SettingsException("retryBackoff", retryBackoff + " is not positive; 100 ms is usual");
        }
        if (maxRetryBackoff == null || maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new SettingsException("maxRetryBackoff", maxRetryBackoff + " is less than retryBackoff ("
                    + retryBackoff + ")");
        }
    }

    /** Defaults for everything but the client id and the mappings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().url(url).clientId(clientId).group(group).mappings(mappings)
                .credentials(credentials.orElse(null)).qos(qos).sessionExpiry(sessionExpiry)
                .retryBackoff(retryBackoff).maxRetryBackoff(maxRetryBackoff);
    }

    /** Builds {@link MqttBridgeSettings}, starting from the defaults. Not thread-safe. */
    public static final class Builder {

        private String url = DEFAULT_URL;
        private String clientId;
        private String group = DEFAULT_GROUP;
        private final List<MqttMapping> mappings = new ArrayList<>();
        private MqttCredentials credentials;
        private int qos = DEFAULT_QOS;
        private Duration sessionExpiry = DEFAULT_SESSION_EXPIRY;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration maxRetryBackoff = DEFAULT_MAX_RETRY_BACKOFF;

        private Builder() {
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder mapping(MqttMapping mapping) {
            mappings.add(mapping);
            return this;
        }

        public Builder mappings(List<MqttMapping> all) {
            mappings.clear();
            mappings.addAll(all);
            return this;
        }

        /** The broker's credentials; {@code null} for anonymous. */
        public Builder credentials(MqttCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder qos(int qos) {
            this.qos = qos;
            return this;
        }

        public Builder sessionExpiry(Duration sessionExpiry) {
            this.sessionExpiry = sessionExpiry;
            return this;
        }

        public Builder retryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
            return this;
        }

        public Builder maxRetryBackoff(Duration maxRetryBackoff) {
            this.maxRetryBackoff = maxRetryBackoff;
            return this;
        }

        /** @throws SettingsException naming the setting at fault and what is allowed */
        public MqttBridgeSettings build() {
            return new MqttBridgeSettings(url, clientId, group, mappings, Optional.ofNullable(credentials), qos,
                    sessionExpiry, retryBackoff, maxRetryBackoff);
        }
    }
}
