package dev.tributary.schemas.avro;

import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Event data as Avro in the Confluent wire format ({@value #CONTENT_TYPE}), on top of {@link AvroSerializer}
 * and {@link AvroDeserializer} for record values. Their failures come out as {@link DataCodecException}s with
 * the same message, the {@link AvroSerdeException} as cause, so callers can still read its
 * {@link AvroSerdeException#reason()}. Thread-safe.
 *
 * @param <T> the type function code sees
 */
public final class AvroCodec<T> implements DataCodec<T> {

    public static final String CONTENT_TYPE = "application/avro";

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroCodec(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
    }

    /**
     * A codec for generated {@code type} instances; {@code configs} holds the serializer's
     * {@link AvroSerdeConfig} settings, such as {@link AvroSerdeConfig#AUTO_REGISTER_SCHEMAS}.
     */
    public static <T extends SpecificRecord> AvroCodec<T> specific(SchemaRegistryClient client, Class<T> type,
                                                                   Map<String, ?> configs) {
        return new AvroCodec<>(new AvroSerializer<>(client, configs, false), AvroDeserializer.specific(client, type));
    }

    /** A codec for generic records, read with their writer schema. */
    public static AvroCodec<GenericRecord> generic(SchemaRegistryClient client, Map<String, ?> configs) {
        return new AvroCodec<>(new AvroSerializer<>(client, configs, false),
                new AvroDeserializer<>(client, configs, false));
    }

    /**
     * A codec for any Avro value, generated or generic, written with its own schema and read with the writer's
     * schema as a {@code GenericRecord}: for code that passes along records whose classes it does not know.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static AvroCodec<Object> anyRecord(SchemaRegistryClient client, Map<String, ?> configs) {
        return (AvroCodec) generic(client, configs);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] encode(String topic, T value) {
        try {
            return serializer.serialize(topic, value);
        } catch (SerializationException e) {
            throw failure(e);
        }
    }

    @Override
    public T decode(String topic, byte[] data) {
        try {
            return deserializer.deserialize(topic, data);
        } catch (SerializationException e) {
            throw failure(e);
        }
    }

    private static DataCodecException failure(SerializationException e) {
        boolean retriable = e instanceof AvroSerdeException avro && avro.reason().retriable();
        return new DataCodecException(CONTENT_TYPE + " codec: " + e.getMessage(), e, retriable);
    }
}
