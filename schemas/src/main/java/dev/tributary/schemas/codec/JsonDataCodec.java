package dev.tributary.schemas.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.internal.JsonErrors;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON through Jackson; see {@link DataCodecs#json(ObjectMapper, Class)}. */
final class JsonDataCodec<T> implements DataCodec<T> {

    private final ObjectMapper mapper;
    private final Class<T> type;

    JsonDataCodec(ObjectMapper mapper, Class<T> type) {
        this.mapper = mapper;
        this.type = type;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public byte[] encode(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new DataCodecException("JSON codec cannot encode a " + type.getName() + " for topic " + topic
                    + ": " + JsonErrors.describe(e), e);
        }
    }

    @Override
    public T decode(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new DataCodecException("JSON codec cannot decode data of topic " + topic + " as a "
                    + type.getName() + ": " + JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a byte array", e);
        }
    }

    @Override
    public String toString() {
        return "JSON codec for " + type.getName();
    }
}
