package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.publish.PublishException;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.vertx.core.Context;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's connection to the direct endpoint. A QoS 1 message is answered with PUBACK, a QoS 2 message with
 * PUBREC, only once Kafka has a record of it; answers go out in the order the messages came in, as MQTT asks. When
 * Kafka has no record, an MQTT 5 device gets a failure reason code (0x97 quota exceeded when ingest is busy, 0x80
 * otherwise, 0x87 for a topic it may not publish to), and an MQTT 3.1.1 device, whose PUBACK cannot say "failed",
 * is disconnected, so that it sends the message again after reconnecting. QoS 0 messages are published on a best
 * effort basis and never answered.
 *
 * <p>The endpoint keeps no session beyond the connection: CONNACK always says "no session present". Subscriptions
 * are refused, since the endpoint only takes messages in. Every method runs on the connection's event loop.
 */
final class DeviceConnection {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceConnection.class);
    private static final int MAX_REASON_STRING = 256;

    private final MqttEndpoint endpoint;
    private final Context context;
    private final MessagePipeline pipeline;
    private final PublishPermissions permissions;
    private final int receiveMaximum;
    private final int maxMessageSize;
    private final Consumer<DeviceConnection> onClosed;
    private final boolean mqtt5;
    /** QoS 1 and 2 messages waiting for their verdict or for those before them, in arrival order. */
    private final Deque<PendingAnswer> pending = new ArrayDeque<>();
    private final Set<Integer> pendingIds = new HashSet<>();
    /** QoS 2 messages answered with PUBREC whose PUBREL has not come yet. */
    private final Set<Integer> awaitingRelease = new HashSet<>();
    private boolean closing;

    DeviceConnection(MqttEndpoint endpoint, Context context, MessagePipeline pipeline, PublishPermissions permissions,
                     int receiveMaximum, int maxMessageSize, Consumer<DeviceConnection> onClosed) {
        this.endpoint = endpoint;
        this.context = context;
        this.pipeline = pipeline;
        this.permissions = permissions;
        this.receiveMaximum = receiveMaximum;
        this.maxMessageSize = maxMessageSize;
        this.onClosed = onClosed;
        this.mqtt5 = endpoint.protocolVersion() >= MqttVersion.MQTT_5.protocolLevel();
    }

    String clientId() {
        return endpoint.clientIdentifier();
    }

    /** Installs the handlers and accepts the connection. */
    void accept() {
        endpoint.publishAutoAck(false);
        endpoint.subscriptionAutoAck(false);
        endpoint.publishHandler(this::onPublish);
        endpoint.publishReleaseHandler(this::onRelease);
        endpoint.subscribeHandler(this::onSubscribe);
        endpoint.unsubscribeHandler(this::onUnsubscribe);
        endpoint.exceptionHandler(error -> LOG.debug("MQTT connection of {} failed: {}", clientId(), error.toString()));
        endpoint.closeHandler(ignored -> onClose());
        if (mqtt5) {
            MqttProperties properties = new MqttProperties();
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value(),
                    receiveMaximum));
            properties.add(new MqttProperties.IntegerProperty(
                    MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE.value(), maxMessageSize));
            for (MqttProperties.MqttPropertyType unsupported : new MqttProperties.MqttPropertyType[]{
                    MqttProperties.MqttPropertyType.WILDCARD_SUBSCRIPTION_AVAILABLE,
                    MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER_AVAILABLE,
                    MqttProperties.MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE}) {
                properties.add(new MqttProperties.IntegerProperty(unsupported.value(), 0));
            }
            endpoint.accept(false, properties);
        } else {
            endpoint.accept(false);
        }
    }

    /** Ends the connection because another one took over its client id; may be called from any thread. */
    void takenOver() {
        context.runOnContext(ignored -> {
            if (closing) {
                return;
            }
            closing = true;
            LOG.info("MQTT client {} connected again; closing its earlier connection", clientId());
            if (mqtt5) {
                endpoint.disconnect(MqttDisconnectReasonCode.SESSION_TAKEN_OVER, MqttProperties.NO_PROPERTIES);
            } else {
                endpoint.close();
            }
        });
    }

    /** Ends the connection because the server stops; may be called from any thread. */
    void serverStopping() {
        context.runOnContext(ignored -> {
            if (closing) {
                return;
            }
            closing = true;
            if (mqtt5) {
                endpoint.disconnect(MqttDisconnectReasonCode.SERVER_SHUTTING_DOWN, MqttProperties.NO_PROPERTIES);
            } else {
                endpoint.close();
            }
        });
    }

    private void onPublish(MqttPublishMessage message) {
        if (closing) {
            return;
        }
        InboundMessage inbound = VertxMessages.inbound(message);
        if (message.qosLevel() == MqttQoS.AT_MOST_ONCE) {
            pipeline.ingest(inbound, permissions);
            return;
        }
        int id = message.messageId();
        if (message.qosLevel() == MqttQoS.EXACTLY_ONCE && awaitingRelease.contains(id)) {
            // Sent again because our PUBREC was lost: Kafka has it already.
            endpoint.publishReceived(id);
            return;
        }
        if (pendingIds.contains(id)) {
            // Sent again while its first copy is still on its way to Kafka: that one will be answered.
            return;
        }
        if (pending.size() >= receiveMaximum) {
            refuseFlood();
            return;
        }
        PendingAnswer answer = new PendingAnswer(id, message.qosLevel());
        pending.addLast(answer);
        pendingIds.add(id);
        pipeline.ingest(inbound, permissions).whenComplete((verdict, error) -> context.runOnContext(ignored -> {
            answer.verdict = verdict != null ? verdict
                    : new Verdict.Refused(PublishException.Reason.UNAVAILABLE, String.valueOf(error));
            answerInOrder();
        }));
    }

    private void answerInOrder() {
        while (!pending.isEmpty() && pending.peekFirst().verdict != null) {
            PendingAnswer answer = pending.pollFirst();
            pendingIds.remove(answer.id);
            if (!closing) {
                answer(answer);
            }
        }
    }

    private void answer(PendingAnswer answer) {
        Verdict verdict = answer.verdict;
        boolean qos2 = answer.qos == MqttQoS.EXACTLY_ONCE;
        if (verdict.onKafka()) {
            if (qos2) {
                awaitingRelease.add(answer.id);
                endpoint.publishReceived(answer.id);
            } else {
                endpoint.publishAcknowledge(answer.id);
            }
        } else if (mqtt5) {
            MqttProperties properties = reasonString(AckCodes.reasonString(verdict));
            if (qos2) {
                endpoint.publishReceived(answer.id, AckCodes.pubRec(verdict), properties);
            } else {
                endpoint.publishAcknowledge(answer.id, AckCodes.pubAck(verdict), properties);
            }
        } else {
            // An MQTT 3.1.1 PUBACK cannot carry a failure: withhold it, and close so the device sends again.
            LOG.info("closing the MQTT 3.1.1 connection of {}: message {} is not stored ({}); the device sends "
                    + "it again after reconnecting", clientId(), answer.id, AckCodes.reasonString(verdict));
            closing = true;
            endpoint.close();
        }
    }

    private void refuseFlood() {
        LOG.warn("MQTT client {} sent more than {} unacknowledged QoS 1 and 2 messages; disconnecting it", clientId(),
                receiveMaximum);
        closing = true;
        if (mqtt5) {
            endpoint.disconnect(MqttDisconnectReasonCode.RECEIVE_MAXIMUM_EXCEEDED, MqttProperties.NO_PROPERTIES);
        } else {
            endpoint.close();
        }
    }

    private void onRelease(int id) {
        // Also for an id we do not know: the PUBREC it answers was sent on an earlier connection, so Kafka has it.
        awaitingRelease.remove(id);
        endpoint.publishComplete(id);
    }

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        int count = subscribe.topicSubscriptions().size();
        if (mqtt5) {
            endpoint.subscribeAcknowledge(subscribe.messageId(),
                    Collections.nCopies(count, MqttSubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR),
                    reasonString("this endpoint takes messages in only; subscriptions are not supported"));
        } else {
            endpoint.subscribeAcknowledge(subscribe.messageId(), Collections.nCopies(count, MqttQoS.FAILURE));
        }
    }

    private void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
    }

    private void onClose() {
        closing = true;
        onClosed.accept(this);
    }

    private static MqttProperties reasonString(String reason) {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.StringProperty(MqttProperties.MqttPropertyType.REASON_STRING.value(),
                reason.length() <= MAX_REASON_STRING ? reason : reason.substring(0, MAX_REASON_STRING)));
        return properties;
    }

    /** A QoS 1 or 2 message whose answer is not sent yet. */
    private static final class PendingAnswer {

        private final int id;
        private final MqttQoS qos;
        private Verdict verdict;

        private PendingAnswer(int id, MqttQoS qos) {
            this.id = id;
            this.qos = qos;
        }
    }
}
