package dev.tributary.ingest.mqtt.internal;

import java.util.Objects;

/** One MQTT 5 user property of a message: names may repeat within a message. */
public record UserProperty(String name, String value) {

    public UserProperty {
        Objects.requireNonNull(name, "name of a user property");
        Objects.requireNonNull(value, "value of user property " + name);
    }
}
