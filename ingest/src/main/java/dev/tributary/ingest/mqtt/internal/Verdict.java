package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import java.util.Objects;

/**
 * What became of one message. Only {@link Published} and {@link Diverted} mean Kafka has a record of it; they are
 * the only verdicts an adapter acknowledges to its MQTT peer as a success.
 */
public sealed interface Verdict {

    /** Whether Kafka acknowledged a record of the message, on its topic or on the invalid topic. */
    boolean onKafka();

    /** The event is on its topic. */
    record Published(Acknowledgement acknowledgement) implements Verdict {
        @Override
        public boolean onKafka() {
            return true;
        }
    }

    /** The payload was malformed for its mapping, or Kafka refused it for good: it is on the invalid topic. */
    record Diverted(Acknowledgement acknowledgement, String reason) implements Verdict {
        @Override
        public boolean onKafka() {
            return true;
        }
    }

    /**
     * Kafka has no record of the message, for {@code reason}; whether sending it again may succeed is
     * {@link PublishException.Reason#retryable()}.
     */
    record Refused(PublishException.Reason reason, String message) implements Verdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean onKafka() {
            return false;
        }
    }

    /** The publisher may not publish to the message's topic. */
    record Forbidden(String topic) implements Verdict {
        @Override
        public boolean onKafka() {
            return false;
        }
    }

    /** No mapping's filter matches the message's topic. */
    record Unmatched(String topic) implements Verdict {
        @Override
        public boolean onKafka() {
            return false;
        }
    }
}
