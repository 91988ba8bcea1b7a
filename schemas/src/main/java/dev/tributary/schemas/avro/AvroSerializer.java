package dev.tributary.schemas.avro;

import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistryException;
import dev.tributary.schemas.registry.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values in the Confluent wire format: magic byte 0, the schema's registry id (4 bytes, big-endian),
 * the Avro binary encoding. Accepts generated classes ({@link SpecificRecord}) and generic records, enums and
 * fixed values; the schema is the value's own. A null value (a tombstone) stays null.
 *
 * <p>The schema is registered under the subject that {@link AvroSerdeConfig#VALUE_SUBJECT_NAME_STRATEGY} (or the
 * key strategy) names, or with {@link AvroSerdeConfig#AUTO_REGISTER_SCHEMAS} false only looked up, so a schema
 * that was not registered beforehand fails with {@link AvroSerdeException.Reason#SCHEMA_NOT_REGISTERED}. Ids are
 * cached by the client, so the registry is asked once per schema and subject.
 *
 * <p>Thread-safe once configured. Kafka creates it with the no-argument constructor and calls
 * {@link #configure}; code that builds its own passes a client, which stays the caller's to close.
 *
 * @param <T> the value type: a generated class, {@code GenericRecord}, or {@code Object} for a mix
 */
public class AvroSerializer<T> implements Serializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean isKey;
    private boolean autoRegister = true;
    private SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC_NAME;

    /** For Kafka, which calls {@link #configure} with the producer's configuration. */
    public AvroSerializer() {
    }

    /**
     * A configured serializer over {@code client}; {@code configs} holds the {@link AvroSerdeConfig} settings
     * other than the registry's URL and credentials, which the client already has.
     */
    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this.client = Objects.requireNonNull(client, "client");
        apply(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        apply(configs, isKey);
    }

    // Not configure() itself: a constructor must not call a method a subclass may override.
    private void apply(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.subjectNameStrategy = config.subjectNameStrategy(isKey);
        if (client == null) {
            client = config.createClient();
            ownsClient = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer is not configured: call configure() or pass a client");
        }
        if (!(value instanceof GenericContainer container)) {
            throw new AvroSerdeException(topic, AvroSerdeException.Reason.NOT_AVRO, "a "
                    + value.getClass().getName() + " is not an Avro value: pass a generated class or a GenericRecord",
                    null);
        }
        Schema schema = container.getSchema();
        int id = schemaId(topic, subject(topic, schema), schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        WireFormat.writeHeader(out, id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writer(container).write(value, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Avro reports a value that breaks its schema with assorted runtime exceptions (NullPointerException,
            // ClassCastException, AvroRuntimeException), so all of them mean the same thing here.
            throw new AvroSerdeException(topic, AvroSerdeException.Reason.INVALID_VALUE, "the value does not match"
                    + " its schema " + schema.getFullName() + ": " + e, e);
        }
        return out.toByteArray();
    }

    private String subject(String topic, Schema schema) {
        try {
            return subjectNameStrategy.subject(topic, isKey, schema);
        } catch (IllegalArgumentException e) {
            throw new AvroSerdeException(topic, AvroSerdeException.Reason.INVALID_VALUE, e.getMessage(), e);
        }
    }

    private int schemaId(String topic, String subject, Schema schema) {
        try {
            return autoRegister ? client.register(subject, schema) : client.getId(subject, schema);
        } catch (SchemaRegistryException e) {
            if (!autoRegister && e.isNotFound()) {
                throw new AvroSerdeException(topic, AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED, "schema "
                        + schema.getFullName() + " is not registered under subject " + subject + " and "
                        + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + " is false: register it (for example in the"
                        + " deployment pipeline) or set " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=true", e);
            }
            throw AvroSerdeException.fromRegistry(topic, (autoRegister ? "registering" : "looking up") + " schema "
                    + schema.getFullName() + " under subject " + subject, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writer(GenericContainer value) {
        Schema schema = value.getSchema();
        if (value instanceof SpecificRecordBase generated) {
            // The generated class's own model carries its logical-type conversions (Instant for timestamp-millis).
            return (DatumWriter<Object>) generated.getSpecificData().createDatumWriter(schema);
        }
        if (value instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForClass(value.getClass()));
        }
        return new GenericDatumWriter<>(schema, GenericData.get());
    }

    /** Closes the client if this serializer created it from the configuration. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
