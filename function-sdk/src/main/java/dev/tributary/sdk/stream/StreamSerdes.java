package dev.tributary.sdk.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.stream.internal.CodecSerde;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes for the values a stream function keeps in stores and repartition topics, on the same codecs its events'
 * data use: what is stored as JSON reads back exactly as an event's JSON data would.
 */
public final class StreamSerdes {

    private StreamSerdes() {
    }

    /** JSON bound to {@code type}, as {@link DataCodecs#json(Class)} reads and writes it. */
    public static <T> Serde<T> json(Class<T> type) {
        return of(DataCodecs.json(type));
    }

    /** Any JSON, as a Jackson tree. */
    public static Serde<JsonNode> jsonNode() {
        return of(DataCodecs.jsonNode());
    }

    /** UTF-8 text. */
    public static Serde<String> text() {
        return of(DataCodecs.text());
    }

    /** Bytes, unchanged. */
    public static Serde<byte[]> bytes() {
        return of(DataCodecs.bytes());
    }

    /** A serde on any {@link DataCodec}; {@code null} stays {@code null} both ways. */
    public static <T> Serde<T> of(DataCodec<T> codec) {
        return new CodecSerde<>(Objects.requireNonNull(codec, "codec of a serde"));
    }
}
