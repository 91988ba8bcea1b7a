package dev.tributary.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The type a function wants its event data as, and so how Tributary decodes the data.
 *
 * @param type the Java type of {@link Event#data()}
 * @param kind how that type is decoded
 * @param <T>  the Java type
 */
public record DataType<T>(Class<T> type, Kind kind) {

    /** How data is decoded for a {@link DataType}. */
    public enum Kind {
        /** {@code byte[]}: the record value as it is. */
        BYTES,
        /** {@code String}: the record value as UTF-8 text. */
        TEXT,
        /** Jackson's {@code JsonNode}: any JSON. */
        JSON_TREE,
        /** Any other class: JSON bound to the class with Jackson. */
        JSON,
        /** An Avro-generated class: Avro in the Confluent wire format, read with the class's schema. */
        AVRO_SPECIFIC,
        /** {@code GenericRecord}: Avro in the Confluent wire format, read with the writer's schema. */
        AVRO_GENERIC
    }

    public DataType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
    }

    /** The data type for a Java type, by the rules of {@link EventFunction}. */
    @SuppressWarnings("unchecked")
    public static <T> DataType<T> of(Class<T> type) {
        Kind kind;
        if (type == byte[].class) {
            kind = Kind.BYTES;
        } else if (type == String.class) {
            kind = Kind.TEXT;
        } else if (JsonNode.class.isAssignableFrom(type)) {
            kind = Kind.JSON_TREE;
        } else if (SpecificRecord.class.isAssignableFrom(type)) {
            kind = Kind.AVRO_SPECIFIC;
        } else if (GenericRecord.class.isAssignableFrom(type)) {
            kind = Kind.AVRO_GENERIC;
        } else {
            kind = Kind.JSON;
        }
        return new DataType<>((Class<T>) type, kind);
    }

    /**
     * The codec that decodes data of this type. Avro data names its writer's schema by id (the Confluent wire
     * format), so Avro types read through {@code registry}; the other kinds need none.
     *
     * @throws IllegalStateException for an Avro type when {@code registry} is empty
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public DataCodec<T> codec(Optional<SchemaRegistryClient> registry) {
        return switch (kind) {
            case BYTES -> (DataCodec<T>) DataCodecs.bytes();
            case TEXT -> (DataCodec<T>) DataCodecs.text();
            case JSON_TREE -> (DataCodec<T>) DataCodecs.jsonNode();
            case JSON -> DataCodecs.json(type);
            case AVRO_SPECIFIC -> AvroCodec.specific(requireRegistry(registry), (Class) type, Map.of());
            case AVRO_GENERIC -> (DataCodec<T>) AvroCodec.generic(requireRegistry(registry), Map.of());
        };
    }

    private SchemaRegistryClient requireRegistry(Optional<SchemaRegistryClient> registry) {
        return registry.orElseThrow(() -> new IllegalStateException("data of type " + type.getName()
                + " is Avro, which needs a schema registry: set registry.url in tributary.yaml"));
    }

    /**
     * The data type a function class declares through the type argument of {@link EventFunction} or
     * {@link AsyncEventFunction}.
     *
     * @throws IllegalArgumentException when the class does not implement one with a concrete type argument
     */
    public static DataType<?> ofFunction(Class<?> functionClass) {
        Deque<Type> pending = new ArrayDeque<>();
        pending.push(functionClass);
        while (!pending.isEmpty()) {
            Type current = pending.pop();
            Class<?> raw = raw(current);
            if (raw == null) {
                continue;
            }
            if (current instanceof ParameterizedType parameterized
                    && (raw == EventFunction.class || raw == AsyncEventFunction.class)) {
                Type argument = parameterized.getActualTypeArguments()[0];
                Class<?> argumentClass = raw(argument);
                if (argumentClass != null) {
                    return of(argumentClass);
                }
                break;
            }
            for (Type parent : raw.getGenericInterfaces()) {
                pending.push(parent);
            }
            if (raw.getGenericSuperclass() != null) {
                pending.push(raw.getGenericSuperclass());
            }
        }
        throw new IllegalArgumentException(functionClass.getName() + " must implement EventFunction<T> or"
                + " AsyncEventFunction<T> with a concrete type for T, such as EventFunction<byte[]>");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
