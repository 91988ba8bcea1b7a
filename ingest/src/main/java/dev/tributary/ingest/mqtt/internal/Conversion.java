package dev.tributary.ingest.mqtt.internal;

import java.util.Objects;
import java.util.Optional;

/** What a mapping's codec made of a message's payload: the verdict is a value, never an exception. */
public sealed interface Conversion {

    /**
     * The payload is accepted.
     *
     * @param data        the event data
     * @param contentType its {@code datacontenttype}
     * @param key         a record key found in the payload (a telemetry reading's device id) when the topic gave none
     */
    record Valid(byte[] data, String contentType, Optional<String> key) implements Conversion {
        public Valid {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(key, "key");
        }
    }

    /** The payload is malformed for the codec: it goes to the invalid topic with {@code reason}. */
    record Invalid(String reason) implements Conversion {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The payload cannot be converted now for a reason that may pass, such as an unreachable schema registry. */
    record NotNow(String reason) implements Conversion {
        public NotNow {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
