package dev.tributary.ingest.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** MQTT clients playing devices in tests (HiveMQ's async client), and what their publishes were answered. */
final class Devices {

    static final String HOST = "127.0.0.1";

    private Devices() {
    }

    /** An MQTT 5 client for {@code port} on 127.0.0.1, not connected. */
    static Mqtt5ClientBuilder mqtt5(String clientId, int port) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost(HOST).serverPort(port);
    }

    /** Publishes UTF-8 {@code payload} to {@code topic} at QoS 1; completes with the PUBACK's reason code. */
    static CompletableFuture<Mqtt5PubAckReasonCode> publishQos1(Mqtt5AsyncClient client, String topic, String payload) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send()
                .handle(Devices::reasonCode);
    }

    /**
     * The PUBACK's reason code, whether the client completed normally or, for a failure code, exceptionally;
     * rethrows any other failure.
     */
    static Mqtt5PubAckReasonCode reasonCode(Mqtt5PublishResult result, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof Mqtt5PubAckException refused) {
            return refused.getMqttMessage().getReasonCode();
        }
        if (cause != null) {
            throw new CompletionException(cause);
        }
        return result.getError().map(problem -> problem instanceof Mqtt5PubAckException refused
                        ? refused.getMqttMessage().getReasonCode() : Mqtt5PubAckReasonCode.UNSPECIFIED_ERROR)
                .orElseGet(() -> ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode());
    }
}
