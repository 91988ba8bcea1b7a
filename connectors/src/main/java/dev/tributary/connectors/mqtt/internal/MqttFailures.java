package dev.tributary.connectors.mqtt.internal;

import com.hivemq.client.mqtt.exceptions.MqttEncodeException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.message.Mqtt5ReasonCode;
import dev.tributary.connectors.internal.OneLine;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed publish means for the event:
 * <table>
 *   <caption>Failures and verdicts</caption>
 *   <tr><th>what happened</th><th>exception</th></tr>
 *   <tr><td>the topic the template yields for the event is not valid</td><td>{@link NonRetryableException}</td></tr>
 *   <tr><td>PUBACK or PUBREC 0x87 not authorized, 0x90 topic name invalid, 0x99 payload format invalid; a
 *       message larger than the broker takes</td><td>{@link NonRetryableException}</td></tr>
 *   <tr><td>0x97 quota exceeded</td><td>{@link OverloadedException}</td></tr>
 *   <tr><td>other error codes (0x80 unspecified, 0x83 implementation specific, 0x91 packet id in use)</td>
 *       <td>{@link RetryableException}</td></tr>
 *   <tr><td>not connected, the connection lost before the acknowledgement, no acknowledgement within
 *       {@code timeout}</td><td>{@link RetryableException}</td></tr>
 * </table>
 * Messages name the function, the broker (never the credentials) and the topic, on one line.
 */
public final class MqttFailures {

    private static final int NOT_AUTHORIZED = 0x87;
    private static final int TOPIC_NAME_INVALID = 0x90;
    private static final int QUOTA_EXCEEDED = 0x97;
    private static final int PAYLOAD_FORMAT_INVALID = 0x99;

    private final String site;
    private final String clientId;
    private final Duration timeout;

    public MqttFailures(MqttSettings settings) {
        this.site = "mqtt downlink " + settings.functionName() + " at " + settings.url();
        this.clientId = settings.clientId();
        this.timeout = settings.timeout();
    }

    /** The function and the broker, as messages name them. */
    public String site() {
        return site;
    }

    /** An event whose values do not make a valid topic of the template. */
    NonRetryableException invalidTopic(String eventId, TopicTemplate template, String problem) {
        return new NonRetryableException(site + ": event " + OneLine.of(eventId) + " cannot be published: topic "
                + template + " " + problem);
    }

    /** An event the MQTT client refuses to build a message of, such as a user property it cannot carry. */
    NonRetryableException unpublishable(String eventId, String problem) {
        return new NonRetryableException(site + ": event " + OneLine.of(eventId) + " cannot be published: "
                + OneLine.of(problem));
    }

    /** The client is not connected: it is reconnecting. */
    RetryableException notConnected(String topic) {
        return new RetryableException(site + ": not connected to the broker (reconnecting); publishing to " + topic
                + " is retried");
    }

    RetryableException timedOut(String topic) {
        return new RetryableException(site + ": no acknowledgement of the publish to " + topic + " within "
                + format(timeout));
    }

    /** The failure of a publish to {@code topic}, as the MQTT client reported it. */
    RuntimeException forPublish(Throwable error, String topic) {
        Throwable cause = unwrap(error);
        String publishing = site + ": publishing to " + topic + " failed: ";
        Optional<Mqtt5ReasonCode> refusal = reasonCode(cause);
        if (refusal.isPresent()) {
            return forRefusal(publishing, refusal.get(), cause);
        }
        return switch (cause) {
            case MqttEncodeException tooLarge -> new NonRetryableException(publishing + "the message cannot be sent: "
                    + describe(tooLarge) + "; the broker's maximum packet size is smaller than the event", cause);
            case MqttSessionExpiredException lost -> new RetryableException(publishing + "the connection was lost"
                    + " before the broker acknowledged it: " + describe(lost), cause);
            default -> new RetryableException(publishing + describe(cause), cause);
        };
    }

    /** What the broker's PUBACK or PUBREC reason code means for the event. */
    RuntimeException forRefusal(String publishing, Mqtt5ReasonCode code, Throwable cause) {
        String said = publishing + "the broker answered " + code + String.format(" (0x%02X)", code.getCode())
                + reasonString(cause);
        return switch (code.getCode()) {
            case NOT_AUTHORIZED -> new NonRetryableException(said + "; let client " + clientId + " publish there in"
                    + " the broker's access control, then replay the dead letters", cause);
            case TOPIC_NAME_INVALID, PAYLOAD_FORMAT_INVALID -> new NonRetryableException(said, cause);
            case QUOTA_EXCEEDED -> new OverloadedException(said, cause, null);
            default -> new RetryableException(said, cause);
        };
    }

    private static Optional<Mqtt5ReasonCode> reasonCode(Throwable cause) {
        return switch (cause) {
            case Mqtt5PubAckException pubAck -> Optional.of(pubAck.getMqttMessage().getReasonCode());
            case Mqtt5PubRecException pubRec -> Optional.of(pubRec.getMqttMessage().getReasonCode());
            default -> Optional.empty();
        };
    }

    private static String reasonString(Throwable cause) {
        Optional<String> reason = switch (cause) {
            case Mqtt5PubAckException pubAck -> pubAck.getMqttMessage().getReasonString().map(Object::toString);
            case Mqtt5PubRecException pubRec -> pubRec.getMqttMessage().getReasonString().map(Object::toString);
            default -> Optional.empty();
        };
        return reason.map(text -> ": " + OneLine.of(text)).orElse("");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + OneLine.of(e.getMessage());
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
