package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.mqtt.MqttAuthMode;
import dev.tributary.ingest.mqtt.MqttUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks the username and password of a connecting device and says where it may publish. Thread-safe. */
public final class DeviceAuthenticator {

    /** Compared against when the username is unknown, so that a wrong name takes as long as a wrong password. */
    private static final byte[] NO_PASSWORD = new byte[32];

    private final MqttAuthMode mode;
    private final Map<String, MqttUser> users;
    private final Map<String, PublishPermissions> permissions;

    public DeviceAuthenticator(MqttAuthMode mode, List<MqttUser> users) {
        this.mode = mode;
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(MqttUser::username, Function.identity()));
        this.permissions = users.stream().collect(Collectors.toUnmodifiableMap(MqttUser::username,
                user -> PublishPermissions.of(user.publishFilters())));
    }

    /**
     * @param username the CONNECT packet's username, or null
     * @param password its password, or null
     * @return where the device may publish; empty when it may not connect
     */
    public Optional<PublishPermissions> authenticate(String username, String password) {
        if (mode == MqttAuthMode.NONE) {
            return Optional.of(PublishPermissions.any());
        }
        MqttUser user = username == null ? null : users.get(username);
        byte[] expected = user == null ? NO_PASSWORD : user.password().getBytes(StandardCharsets.UTF_8);
        byte[] given = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        boolean matches = MessageDigest.isEqual(expected, given);
        return user != null && password != null && matches
                ? Optional.of(permissions.get(username))
                : Optional.empty();
    }
}
