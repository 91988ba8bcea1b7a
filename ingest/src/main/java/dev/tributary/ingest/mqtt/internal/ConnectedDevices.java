package dev.tributary.ingest.mqtt.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The devices connected now, by client id. MQTT allows one connection per client id: a new connection closes the
 * one before it. Thread-safe.
 */
final class ConnectedDevices {

    private final ConcurrentMap<String, DeviceConnection> byClientId = new ConcurrentHashMap<>();

    void add(DeviceConnection connection) {
        DeviceConnection earlier = byClientId.put(connection.clientId(), connection);
        if (earlier != null && earlier != connection) {
            earlier.takenOver();
        }
    }

    void remove(DeviceConnection connection) {
        byClientId.remove(connection.clientId(), connection);
    }

    int count() {
        return byClientId.size();
    }

    List<DeviceConnection> all() {
        return List.copyOf(byClientId.values());
    }
}
