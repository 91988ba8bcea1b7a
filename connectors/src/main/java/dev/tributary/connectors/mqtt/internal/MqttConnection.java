package dev.tributary.connectors.mqtt.internal;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.concurrent.CompletableFuture;

/** A connection to the broker that publishes messages: {@link HiveMqConnection}, or a test's stand-in. Thread-safe. */
public interface MqttConnection extends AutoCloseable {

    /**
     * Publishes the message; never blocks.
     *
     * @return completes when the broker has acknowledged it (QoS 1 and 2) or it was sent (QoS 0); fails with the
     *         SDK's exceptions, as {@link MqttFailures} classifies the failure
     */
    CompletableFuture<Void> publish(Mqtt5Publish message);

    @Override
    void close();
}
