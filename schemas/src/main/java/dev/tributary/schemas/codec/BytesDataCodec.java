package dev.tributary.schemas.codec;

/** The identity; see {@link DataCodecs#bytes()}. */
final class BytesDataCodec implements DataCodec<byte[]> {

    @Override
    public String contentType() {
        return "application/octet-stream";
    }

    @Override
    public byte[] encode(String topic, byte[] value) {
        return value;
    }

    @Override
    public byte[] decode(String topic, byte[] data) {
        return data;
    }

    @Override
    public String toString() {
        return "bytes codec";
    }
}
