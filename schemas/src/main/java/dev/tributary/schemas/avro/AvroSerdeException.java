package dev.tributary.schemas.avro;

import dev.tributary.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that {@link AvroSerializer} or {@link AvroDeserializer} could not turn into bytes or back. The
 * message names the topic, the problem and the fix; {@link #reason()} says the same as a value, and
 * {@link Reason#retriable()} says whether trying the same record again can succeed.
 *
 * <p>It extends Kafka's {@link SerializationException} rather than
 * {@link dev.tributary.schemas.codec.DataCodecException} because these classes are Kafka serdes first: Kafka's
 * producer reports serializer failures as {@code SerializationException}, the consumer wraps deserializer
 * failures with the record's partition and offset so the application can skip past it, and Kafka Streams'
 * deserialization handlers and users' existing catch blocks expect that type. {@link AvroCodec} translates it
 * into a {@code DataCodecException}, as the {@code DataCodec} contract asks.
 */
public class AvroSerdeException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The data is shorter than the 5-byte wire-format header. The record is poison. */
        TOO_SHORT(false),
        /** The first byte is not the wire format's magic byte 0: the data was not written by such a serializer. */
        UNKNOWN_MAGIC_BYTE(false),
        /** The registry holds no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID(false),
        /** The Avro body does not decode with the writer schema: truncated or corrupt data. */
        MALFORMED_DATA(false),
        /** The reader schema cannot read data written with the writer schema (schema resolution fails). */
        INCOMPATIBLE_READER(false),
        /** A specific reader was asked for and no generated class exists for the writer schema's name. */
        NO_READER_CLASS(false),
        /** The value is not an Avro record, enum or fixed, so it has no schema to register. */
        NOT_AVRO(false),
        /** The value does not match its own schema, such as a null in a field that is not nullable. */
        INVALID_VALUE(false),
        /** Auto-registration is off and the schema is not registered under the subject. */
        SCHEMA_NOT_REGISTERED(false),
        /** The subject's compatibility level rejected the schema on registration. */
        INCOMPATIBLE_SCHEMA(false),
        /** The registry could not be reached or failed on its side, after the client's retries. */
        REGISTRY_UNAVAILABLE(true),
        /** The registry refused the request for another reason, such as missing credentials. */
        REGISTRY_REFUSED(false);

        private final boolean retriable;

        Reason(boolean retriable) {
            this.retriable = retriable;
        }

        /** Whether the same record may succeed later; if not, the record is poison and belongs in a dead letter. */
        public boolean retriable() {
            return retriable;
        }
    }

    private final String topic;
    private final Reason reason;

    public AvroSerdeException(String topic, Reason reason, String message, Throwable cause) {
        super("topic " + topic + ": " + message, cause);
        this.topic = topic;
        this.reason = reason;
    }

    /** The topic of the record. */
    public String topic() {
        return topic;
    }

    public Reason reason() {
        return reason;
    }

    /** A registry failure while {@code doing} something for a record of {@code topic}. */
    static AvroSerdeException fromRegistry(String topic, String doing, SchemaRegistryException e) {
        Reason reason = e.isRetriable() ? Reason.REGISTRY_UNAVAILABLE
                : e.isIncompatible() ? Reason.INCOMPATIBLE_SCHEMA
                : Reason.REGISTRY_REFUSED;
        return new AvroSerdeException(topic, reason, doing + " failed: " + e.getMessage(), e);
    }
}
