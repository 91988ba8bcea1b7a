package dev.tributary.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
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
