package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the direct endpoint serves: devices connect to Tributary over MQTT 3.1.1 or 5 and publish. Immutable; every
 * check across settings happens here, so a server never starts with a configuration it would have to refuse devices
 * for. Errors are {@link SettingsException}s naming the setting.
 *
 * @param host           the address to bind; {@value #DEFAULT_HOST} by default, so that nothing outside the machine
 *                       reaches the port until it is bound to another address on purpose
 * @param port           the port, {@value #DEFAULT_PORT} by default (8883 is usual with TLS); 0 for any free port
 *                       ({@link MqttDirectIngest#port()} tells which)
 * @param auth           who may connect; {@link MqttAuthMode#NONE} by default
 * @param users          with {@link MqttAuthMode#PASSWORD}: the users, their passwords and where each may publish
 * @param mappings       where messages go: the first mapping whose filter matches a message's topic; at least one
 * @param tls            the server certificate, for TLS; empty for plain TCP
 * @param receiveMaximum the most QoS 1 and 2 messages a device may have unacknowledged at once, told to MQTT 5
 *                       devices in CONNACK; a device that sends more is disconnected. 1 to 65535,
 *                       {@value #DEFAULT_RECEIVE_MAXIMUM} by default
 * @param maxMessageSize the largest MQTT packet in bytes; a larger one closes the connection. 1 KiB to 16 MiB,
 *                       {@value #DEFAULT_MAX_MESSAGE_SIZE} by default (keep it below Kafka's
 *                       {@code max.request.size})
 */
public record MqttDirectSettings(String host, int port, MqttAuthMode auth, List<MqttUser> users,
                                 List<MqttMapping> mappings, Optional<MqttTls> tls, int receiveMaximum,
                                 int maxMessageSize) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_RECEIVE_MAXIMUM = 32;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 256 * 1024;
    public static final int MAX_MESSAGE_SIZE_LIMIT = 16 * 1024 * 1024;

    public MqttDirectSettings {
        if (host == null || host.isBlank()) {
            throw new SettingsException("host", "is empty; give an address to bind, e.g. 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65_535) {
            throw new SettingsException("port", port + " is not between 0 and 65535 (0 for any free port)");
        }
        if (auth == null) {
            throw new SettingsException("auth", "is missing; use none or password");
        }
        users = List.copyOf(Objects.requireNonNull(users, "users"));
        mappings = List.copyOf(Objects.requireNonNull(mappings, "mappings"));
        Objects.requireNonNull(tls, "tls (Optional.empty() for plain TCP)");
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new SettingsException("receiveMaximum", receiveMaximum + " is not between 1 and 65535");
        }
        if (maxMessageSize < 1024 || maxMessageSize > MAX_MESSAGE_SIZE_LIMIT) {
            throw new SettingsException("maxMessageSize", maxMessageSize + " bytes is not between 1024 and "
                    + MAX_MESSAGE_SIZE_LIMIT);
        }
        requireUsers(auth, users);
        MappingChecks.requireMappings(mappings);
    }

    /** Defaults: 127.0.0.1:1883, no authentication, no TLS, no mappings yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).auth(auth).users(users).mappings(mappings).tls(tls.orElse(null))
                .receiveMaximum(receiveMaximum).maxMessageSize(maxMessageSize);
    }

    private static void requireUsers(MqttAuthMode auth, List<MqttUser> users) {
        if (auth == MqttAuthMode.PASSWORD && users.isEmpty()) {
            throw new SettingsException("users", "auth is password but no users are configured, so no device "
                    + "could connect; add users, or set auth to none");
        }
        if (auth == MqttAuthMode.NONE && !users.isEmpty()) {
            throw new SettingsException("auth", "is none, so the " + users.size() + " configured users would "
                    + "not be asked for their passwords; set auth to password, or remove the users");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            Integer earlier = seen.putIfAbsent(users.get(i).username(), i);
            if (earlier != null) {
                throw new SettingsException("users[" + i + "].username", "'" + users.get(i).username()
                        + "' is also the username of users[" + earlier + "]; give each user a name of its own");
            }
        }
    }

    /** Builds {@link MqttDirectSettings}, starting from the defaults. Not thread-safe. */
    public static final class Builder {

        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private MqttAuthMode auth = MqttAuthMode.NONE;
        private final List<MqttUser> users = new ArrayList<>();
        private final List<MqttMapping> mappings = new ArrayList<>();
        private MqttTls tls;
        private int receiveMaximum = DEFAULT_RECEIVE_MAXIMUM;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;

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

        public Builder auth(MqttAuthMode auth) {
            this.auth = auth;
            return this;
        }

        public Builder user(MqttUser user) {
            users.add(user);
            return this;
        }

        public Builder users(List<MqttUser> all) {
            users.clear();
            users.addAll(all);
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

        /** The server certificate; {@code null} for plain TCP. */
        public Builder tls(MqttTls tls) {
            this.tls = tls;
            return this;
        }

        public Builder receiveMaximum(int receiveMaximum) {
            this.receiveMaximum = receiveMaximum;
            return this;
        }

        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        /** @throws SettingsException naming the setting at fault and what is allowed */
        public MqttDirectSettings build() {
            return new MqttDirectSettings(host, port, auth, users, mappings, Optional.ofNullable(tls), receiveMaximum,
                    maxMessageSize);
        }
    }
}
