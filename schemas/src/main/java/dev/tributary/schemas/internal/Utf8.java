package dev.tributary.schemas.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: bytes that are not well-formed UTF-8 are an error, never silently replaced with U+FFFD. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Decodes {@code bytes}, which must be well-formed UTF-8.
     *
     * @throws MalformedUtf8Exception naming the offset of the first byte that is not
     */
    public static String decode(byte[] bytes) {
        // Header values, ids and keys are nearly always ASCII, which is valid UTF-8 and decodes one byte to one
        // char: a compact Latin-1 string straight from the bytes, without a decoder and a char buffer per call.
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input by default
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedUtf8Exception(in.position(), bytes[in.position()]);
        }
        return out.flip().toString();
    }

    /** Whether no byte has its high bit set; without a branch per byte, as non-ASCII input is the rare case. */
    private static boolean isAscii(byte[] bytes) {
        int bits = 0;
        for (byte b : bytes) {
            bits |= b;
        }
        return bits >= 0;
    }

    /** Bytes that are not well-formed UTF-8. */
    public static final class MalformedUtf8Exception extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final int offset;

        MalformedUtf8Exception(int offset, byte value) {
            super(String.format("malformed UTF-8 at byte offset %d (0x%02x)", offset, value & 0xff));
            this.offset = offset;
        }

        /** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
        public int offset() {
            return offset;
        }
    }
}
