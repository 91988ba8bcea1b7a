package dev.tributary.schemas.avro;

import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro values in the Confluent wire format. The writer schema is fetched by the id in the header and
 * resolved against the reader schema by Avro's schema resolution, so a consumer with a newer, backward-compatible
 * schema reads data written with an older one (added fields take their defaults). A null stays null.
 *
 * <p>The reader schema, in order: the one given to {@link #generic(SchemaRegistryClient, Schema)}; the class
 * of {@link AvroSerdeConfig#SPECIFIC_AVRO_VALUE_TYPE} (or the key type); with
 * {@link AvroSerdeConfig#SPECIFIC_AVRO_READER} the generated class named like the writer schema; otherwise the
 * writer schema itself, giving {@link GenericRecord}s.
 *
 * <p>Data that is not in the wire format, names an unknown schema id or does not decode fails with an
 * {@link AvroSerdeException} naming the topic and the problem. One datum reader is kept per writer schema id
 * seen, so resolution is computed once per schema; their number is bounded by the schemas in the registry.
 *
 * <p>Thread-safe once configured. Kafka creates it with the no-argument constructor and calls
 * {@link #configure}; code that builds its own passes a client, which stays the caller's to close.
 *
 * @param <T> the value type: a generated class, {@code GenericRecord}, or {@code Object} for a mix
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private Schema genericReaderSchema;
    private Class<?> specificType;
    private boolean specificReader;
    private final Map<Integer, DatumReader<?>> readersBySchemaId = new ConcurrentHashMap<>();

    /** For Kafka, which calls {@link #configure} with the consumer's configuration. */
    public AvroDeserializer() {
    }

    /**
     * A configured deserializer over {@code client}; {@code configs} holds the {@link AvroSerdeConfig} settings
     * other than the registry's URL and credentials, which the client already has.
     */
    public AvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this.client = Objects.requireNonNull(client, "client");
        apply(configs, isKey);
    }

    /** Reads generated {@code type} instances, whatever the writer schema's name. */
    public static <T extends SpecificRecord> AvroDeserializer<T> specific(SchemaRegistryClient client, Class<T> type) {
        return new AvroDeserializer<>(client, Map.of(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, type), false);
    }

    /** Reads generic records resolved to {@code readerSchema}, so the caller sees one shape across versions. */
    public static AvroDeserializer<GenericRecord> generic(SchemaRegistryClient client, Schema readerSchema) {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, Map.of(), false);
        deserializer.genericReaderSchema = Objects.requireNonNull(readerSchema, "readerSchema");
        return deserializer;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        apply(configs, isKey);
    }

    // Not configure() itself: a constructor must not call a method a subclass may override.
    private void apply(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.specificType = config.specificType(isKey);
        if (specificType != null && !SpecificRecord.class.isAssignableFrom(specificType)) {
            throw new ConfigException(isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE
                    : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, specificType.getName(),
                    "is not a class generated from an Avro schema (a SpecificRecord)");
        }
        this.specificReader = specificType != null || config.specificReader();
        readersBySchemaId.clear();
        if (client == null) {
            client = config.createClient();
            ownsClient = true;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: call configure() or pass a client");
        }
        int schemaId = WireFormat.schemaId(topic, data);
        DatumReader<?> reader = readersBySchemaId.get(schemaId);
        if (reader == null) {
            // Built outside the map's lock: the registry call may take a while, and a duplicate is harmless.
            reader = reader(topic, schemaId);
            readersBySchemaId.put(schemaId, reader);
        }
        Decoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, null);
        try {
            return (T) reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            // Corrupt bytes surface from Avro's decoder as many exception types (EOFException,
            // AvroRuntimeException, ArrayIndexOutOfBoundsException...); all mean the body is not valid.
            throw new AvroSerdeException(topic, AvroSerdeException.Reason.MALFORMED_DATA, "the "
                    + (data.length - WireFormat.HEADER_SIZE) + "-byte Avro body does not decode with writer schema id "
                    + schemaId + ": " + e, e);
        }
    }

    private DatumReader<?> reader(String topic, int schemaId) {
        Schema writer = writerSchema(topic, schemaId);
        GenericData model;
        Schema reader;
        if (genericReaderSchema != null) {
            model = GenericData.get();
            reader = genericReaderSchema;
        } else if (specificReader) {
            Class<?> type = specificType != null ? specificType : SpecificData.get().getClass(writer);
            if (type == null) {
                throw new AvroSerdeException(topic, AvroSerdeException.Reason.NO_READER_CLASS, "no generated class "
                        + writer.getFullName() + " (writer schema id " + schemaId + ") is on the classpath: add it,"
                        + " set " + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE + ", or read generic records with "
                        + AvroSerdeConfig.SPECIFIC_AVRO_READER + "=false", null);
            }
            SpecificData specific = SpecificData.getForClass(type);
            model = specific;
            reader = specific.getSchema(type);
        } else {
            model = GenericData.get();
            reader = writer;
        }
        if (reader != writer) {
            requireReadable(topic, schemaId, writer, reader);
        }
        return model.createDatumReader(writer, reader);
    }

    private Schema writerSchema(String topic, int schemaId) {
        try {
            return client.getById(schemaId);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new AvroSerdeException(topic, AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID, "schema id "
                        + schemaId + " is not in the registry: the record was written against another registry,"
                        + " its schema was deleted, or the data only looks like the wire format", e);
            }
            throw AvroSerdeException.fromRegistry(topic, "fetching writer schema id " + schemaId, e);
        }
    }

    private static void requireReadable(String topic, int schemaId, Schema writer, Schema reader) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new AvroSerdeException(topic, AvroSerdeException.Reason.INCOMPATIBLE_READER, "reader schema "
                    + reader.getFullName() + " cannot read data written with schema id " + schemaId + " ("
                    + writer.getFullName() + "): " + incompatibilities(result), null);
        }
    }

    /** Each reason a reader cannot read a writer's data, with where in the schema: {@code TYPE at /path: detail}. */
    static String incompatibilities(SchemaCompatibility.SchemaPairCompatibility result) {
        return result.getResult().getIncompatibilities().stream()
                .map(problem -> problem.getType() + " at " + problem.getLocation() + ": " + problem.getMessage())
                .collect(Collectors.joining("; "));
    }

    /** Closes the client if this deserializer created it from the configuration. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
