package dev.tributary.bench.ingest.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.tributary.bench.ingest.child.AckRecorder;
import dev.tributary.bench.ingest.child.LoadWindow;
import dev.tributary.bench.ingest.child.PayloadPool;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One device of the load: each {@link #publishNext()} starts a chain that publishes a QoS 1 message and, once its
 * PUBACK is in, the next, until the load window closes; a device runs as many chains as it may have messages in
 * flight. A PUBACK with a failure code is counted and the chain goes on; a transport failure is counted and the
 * chain stops.
 */
final class Device {

    private final Mqtt5AsyncClient client;
    private final String topic;
    private final PayloadPool payloads;
    private final AtomicLong next;
    private final LoadWindow window;
    private final AckRecorder recorder;

    Device(Mqtt5AsyncClient client, String topic, PayloadPool payloads, long firstPayload, LoadWindow window,
           AckRecorder recorder) {
        this.client = client;
        this.topic = topic;
        this.payloads = payloads;
        this.next = new AtomicLong(firstPayload);
        this.window = window;
        this.recorder = recorder;
    }

    void publishNext() {
        long sentAt = System.nanoTime();
        if (window.isOver(sentAt)) {
            return;
        }
        recorder.sent();
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payloads.get(next.getAndIncrement())).send()
                .whenComplete((result, error) -> {
                    long answeredAt = System.nanoTime();
                    Optional<Mqtt5PubAckReasonCode> code = reasonCode(result, error);
                    if (code.isEmpty()) {
                        recorder.failed("no PUBACK: " + error);
                        return;
                    }
                    if (code.get().isError()) {
                        recorder.failed("PUBACK " + code.get());
                    } else {
                        recorder.acknowledged(sentAt, answeredAt);
                    }
                    publishNext();
                });
    }

    /**
     * The PUBACK's reason code, whether the client completed normally or, for a failure code, exceptionally; empty
     * when no PUBACK came (the connection failed).
     */
    static Optional<Mqtt5PubAckReasonCode> reasonCode(Mqtt5PublishResult result, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof Mqtt5PubAckException refused) {
            return Optional.of(refused.getMqttMessage().getReasonCode());
        }
        if (cause != null) {
            return Optional.empty();
        }
        if (result.getError().isPresent()) {
            return result.getError().get() instanceof Mqtt5PubAckException refused
                    ? Optional.of(refused.getMqttMessage().getReasonCode()) : Optional.empty();
        }
        return result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                ? Optional.of(qos1.getPubAck().getReasonCode()) : Optional.empty();
    }
}
