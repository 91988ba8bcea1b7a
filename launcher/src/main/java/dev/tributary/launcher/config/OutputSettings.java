package dev.tributary.launcher.config;

import java.util.Objects;

/**
 * Where a function's results go.
 *
 * @param topic the topic that receives the events the function returns
 */
public record OutputSettings(String topic) {

    public OutputSettings {
        Objects.requireNonNull(topic, "topic");
    }
}
