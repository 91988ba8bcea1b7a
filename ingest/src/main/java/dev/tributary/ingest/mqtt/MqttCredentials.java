package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import java.util.Objects;

/** The username and password the bridge connects to its broker with; the password comes from the environment. */
public record MqttCredentials(String username, String password) {

    public MqttCredentials {
        if (username == null || username.isEmpty()) {
            throw new SettingsException("username", "is empty; give the username the broker expects");
        }
        Objects.requireNonNull(password, "password of " + username);
    }

    /** Names the user, never the password. */
    @Override
    public String toString() {
        return "MqttCredentials[username=" + username + ", password=***]";
    }
}
