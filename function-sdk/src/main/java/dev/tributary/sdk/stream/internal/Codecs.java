package dev.tributary.sdk.stream.internal;

import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.DataType;

/** The codec that decodes event data to a requested type, by the rules of {@link DataType}. */
public final class Codecs {

    private Codecs() {
    }

    @SuppressWarnings("unchecked")
    public static <T> DataCodec<T> forType(Class<T> type) {
        DataType<T> dataType = DataType.of(type);
        return switch (dataType.kind()) {
            case BYTES -> (DataCodec<T>) DataCodecs.bytes();
            case TEXT -> (DataCodec<T>) DataCodecs.text();
            case JSON_TREE -> (DataCodec<T>) DataCodecs.jsonNode();
            case JSON -> DataCodecs.json(type);
            case AVRO_SPECIFIC, AVRO_GENERIC -> throw new UnsupportedOperationException("stream functions do not"
                    + " decode Avro data yet (" + type.getName() + "): read byte[] and decode it with the Avro serde"
                    + " (dev.tributary.schemas.avro.AvroDeserializer)");
        };
    }
}
