package dev.tributary.ingest.mqtt.internal;

import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubRecReasonCode;

/**
 * What an MQTT 5 device is told about a message Kafka has no record of: a PUBACK or PUBREC failure reason code, and
 * a reason string meant for the device's operator (it names no internals).
 */
final class AckCodes {

    private AckCodes() {
    }

    static MqttPubAckReasonCode pubAck(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Published published -> MqttPubAckReasonCode.SUCCESS;
            case Verdict.Diverted diverted -> MqttPubAckReasonCode.SUCCESS;
            case Verdict.Forbidden forbidden -> MqttPubAckReasonCode.NOT_AUTHORIZED;
            case Verdict.Unmatched unmatched -> MqttPubAckReasonCode.TOPIC_NAME_INVALID;
            case Verdict.Refused refused -> switch (refused.reason()) {
                case BUSY -> MqttPubAckReasonCode.QUOTA_EXCEEDED;
                case UNAVAILABLE, CLOSED -> MqttPubAckReasonCode.UNSPECIFIED_ERROR;
                case TOO_LARGE, INVALID, REJECTED -> MqttPubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR;
            };
        };
    }

    /** The same code for QoS 2, whose PUBREC codes have the same values. */
    static MqttPubRecReasonCode pubRec(Verdict verdict) {
        return MqttPubRecReasonCode.valueOf(pubAck(verdict).value());
    }

    static String reasonString(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Published published -> "";
            case Verdict.Diverted diverted -> "";
            case Verdict.Forbidden forbidden -> "not authorized to publish to " + forbidden.topic();
            case Verdict.Unmatched unmatched -> "no mapping takes messages on " + unmatched.topic();
            case Verdict.Refused refused -> switch (refused.reason()) {
                case BUSY -> "ingest is busy: Kafka is slower than the messages arrive; send again after a pause";
                case UNAVAILABLE -> "the message could not be stored now; send it again later";
                case CLOSED -> "the server is shutting down; reconnect and send again";
                case TOO_LARGE -> "the message is larger than the server can store";
                case INVALID, REJECTED -> "the message cannot be stored; sending it again will not help";
            };
        };
    }
}
