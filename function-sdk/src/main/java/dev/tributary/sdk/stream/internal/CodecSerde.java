package dev.tributary.sdk.stream.internal;

import dev.tributary.schemas.codec.DataCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde on a {@link DataCodec}, for stores and repartition topics. The topic handed to the codec is the
 * store's changelog or the repartition topic.
 */
public final class CodecSerde<T> implements Serde<T> {

    private final DataCodec<T> codec;

    public CodecSerde(DataCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public Serializer<T> serializer() {
        return codec::encode;
    }

    @Override
    public Deserializer<T> deserializer() {
        return codec::decode;
    }

    @Override
    public String toString() {
        return "serde of " + codec;
    }
}
