package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.mqtt.internal.TopicFilter;
import java.util.List;
import java.util.Objects;

/**
 * A username and password that devices connect with, and the MQTT topic filters the user may publish to. The
 * password comes from the environment or a secret store, never from the configuration file.
 *
 * @param username       the MQTT username
 * @param password       the password; at least {@value #MIN_PASSWORD_LENGTH} characters
 * @param publishFilters the topic filters whose topics the user may publish to, such as {@code devices/pump-7/#};
 *                       a message to any other topic is refused with PUBACK "not authorized" (MQTT 5) or a
 *                       closed connection (MQTT 3.1.1)
 */
public record MqttUser(String username, String password, List<String> publishFilters) {

    public static final int MIN_PASSWORD_LENGTH = 8;

    public MqttUser {
        if (username == null || username.isEmpty()) {
            throw new SettingsException("username", "is empty; give the username devices connect with");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new SettingsException("password", "of user " + username + " has "
                    + (password == null ? 0 : password.length()) + " characters; use at least " + MIN_PASSWORD_LENGTH
                    + " random ones, e.g. from openssl rand -hex 16");
        }
        publishFilters = List.copyOf(Objects.requireNonNull(publishFilters, "publishFilters of user " + username));
        if (publishFilters.isEmpty()) {
            throw new SettingsException("publishFilters", "user " + username + " may publish nowhere; list the "
                    + "topic filters it may publish to, such as devices/" + username + "/#");
        }
        for (int i = 0; i < publishFilters.size(); i++) {
            try {
                TopicFilter.parse(publishFilters.get(i));
            } catch (IllegalArgumentException e) {
                throw new SettingsException("publishFilters[" + i + "]", e.getMessage());
            }
        }
    }

    /** Names the user and its filters, never the password. */
    @Override
    public String toString() {
        return "MqttUser[username=" + username + ", password=***, publishFilters=" + publishFilters + "]";
    }
}
