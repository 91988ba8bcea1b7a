package dev.tributary.ingest.mqtt;

/** Who may connect to the direct endpoint. */
public enum MqttAuthMode {
    /**
     * Any client may connect, with any or no username, and publish to every mapped topic. For an endpoint that only
     * trusted devices reach, such as the default 127.0.0.1; the adapter logs a warning when it binds another address
     * in this mode.
     */
    NONE,
    /**
     * A client connects with the username and password of one of the configured {@link MqttUser}s, and may publish
     * only to the topic filters that user allows. A missing or wrong password is refused with CONNACK
     * "bad user name or password".
     */
    PASSWORD
}
