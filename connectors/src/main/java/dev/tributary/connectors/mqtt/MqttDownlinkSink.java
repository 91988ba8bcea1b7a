package dev.tributary.connectors.mqtt;

import dev.tributary.connectors.mqtt.internal.DownlinkMessages;
import dev.tributary.connectors.mqtt.internal.HiveMqConnection;
import dev.tributary.connectors.mqtt.internal.MqttConnection;
import dev.tributary.connectors.mqtt.internal.MqttFailures;
import dev.tributary.connectors.mqtt.internal.MqttSettings;
import dev.tributary.sdk.AsyncEventFunction;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.FunctionConfig;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A sink that publishes each event to an MQTT 5 broker, for commands and configuration sent down to devices: declare
 * it as a function with {@code handler: dev.tributary.connectors.mqtt.MqttDownlinkSink} and its settings under
 * {@code config} (see docs/connectors.md): {@code url}, {@code clientId}, {@code username}, {@code password},
 * {@code topic}, {@code qos}, {@code retain}, {@code userProperties}, {@code timeout}, {@code connectTimeout}.
 *
 * <p>The topic comes from a template such as {@code devices/{key}/commands}; the payload is the event's data, byte for
 * byte. With QoS 1 or 2 (1 by default) an event is done when the broker has acknowledged it. An event whose values
 * make no valid topic (an empty level, a {@code /}, a wildcard) fails with
 * {@link dev.tributary.sdk.NonRetryableException}, as does a message the broker refuses for good (not authorized,
 * topic or payload invalid), which dead-letters it; a lost connection, a broker that does not answer in time and
 * other refusals fail it with {@link dev.tributary.sdk.RetryableException}, and the dispatcher retries it.
 *
 * <p>{@code open} connects (a broker that cannot be reached stops the function from starting); a connection lost later
 * is reconnected with backoff. Thread-safe, as the dispatcher needs.
 */
public final class MqttDownlinkSink implements AsyncEventFunction<byte[]> {

    private record Downlink(DownlinkMessages messages, MqttConnection connection) {
    }

    private final Function<MqttSettings, MqttConnection> connections;
    private volatile Downlink downlink;

    public MqttDownlinkSink() {
        this(HiveMqConnection::open);
    }

    /** @param connections connects to the broker the settings name */
    MqttDownlinkSink(Function<MqttSettings, MqttConnection> connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or not allowed
     * @throws IllegalStateException    when the broker cannot be reached or refuses the connection
     */
    @Override
    public void open(FunctionConfig config) {
        MqttSettings settings = MqttSettings.read(config);
        DownlinkMessages messages = new DownlinkMessages(settings, new MqttFailures(settings));
        downlink = new Downlink(messages, connections.apply(settings));
    }

    @Override
    public CompletionStage<Void> handle(Event<byte[]> event, Context context) {
        Downlink open = downlink;
        if (open == null) {
            throw new IllegalStateException("MqttDownlinkSink was not opened: call open(config) before handle");
        }
        return open.connection().publish(open.messages().of(event));
    }

    @Override
    public void close() {
        Downlink open = downlink;
        if (open != null) {
            downlink = null;
            open.connection().close();
        }
    }
}
