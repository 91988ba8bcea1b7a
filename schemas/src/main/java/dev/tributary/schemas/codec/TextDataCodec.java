package dev.tributary.schemas.codec;

import dev.tributary.schemas.internal.Utf8;
import java.nio.charset.StandardCharsets;

/** UTF-8 text; see {@link DataCodecs#text()}. */
final class TextDataCodec implements DataCodec<String> {

    @Override
    public String contentType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public byte[] encode(String topic, String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return Utf8.decode(data);
        } catch (Utf8.MalformedUtf8Exception e) {
            throw new DataCodecException("text codec cannot decode data of topic " + topic + ": " + e.getMessage()
                    + "; the data is not " + contentType(), e);
        }
    }

    @Override
    public String toString() {
        return "text codec";
    }
}
