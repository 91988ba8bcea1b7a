package dev.tributary.schemas.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;

/**
 * The built-in {@link DataCodec}s. In each, {@code null} stands for an event without data: it encodes to
 * {@code null} (no record value) and {@code null} data decodes to {@code null}.
 */
public final class DataCodecs {

    private static final DataCodec<byte[]> BYTES = new BytesDataCodec();
    private static final DataCodec<String> TEXT = new TextDataCodec();

    private DataCodecs() {
    }

    /**
     * JSON ({@code application/json}) bound to {@code type} by a default Jackson mapper. It ignores properties
     * that {@code type} does not have, so that a producer may add fields without breaking its readers, and
     * rejects anything after the JSON value.
     */
    public static <T> DataCodec<T> json(Class<T> type) {
        return json(defaultMapper(), type);
    }

    /** JSON ({@code application/json}) bound to {@code type} by {@code mapper}, configured as the caller needs. */
    public static <T> DataCodec<T> json(ObjectMapper mapper, Class<T> type) {
        return new JsonDataCodec<>(Objects.requireNonNull(mapper, "Jackson mapper of a JSON codec"),
                Objects.requireNonNull(type, "type of a JSON codec"));
    }

    /** JSON ({@code application/json}) as a Jackson tree, for data whose shape the function does not fix. */
    public static DataCodec<JsonNode> jsonNode() {
        return json(defaultMapper(), JsonNode.class);
    }

    /** Raw bytes ({@code application/octet-stream}), unchanged both ways: the same array, not a copy. */
    public static DataCodec<byte[]> bytes() {
        return BYTES;
    }

    /** UTF-8 text ({@code text/plain; charset=utf-8}); data that is not UTF-8 fails to decode. */
    public static DataCodec<String> text() {
        return TEXT;
    }

    private static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
