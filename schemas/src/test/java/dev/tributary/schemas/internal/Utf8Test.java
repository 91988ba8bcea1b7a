package dev.tributary.schemas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8#decode} reads ASCII without a decoder; it must agree with a strict decoder on every input. */
class Utf8Test {

    @Test
    void asciiIsReadAsItIs() {
        assertThat(Utf8.decode("order-1 /shop?x=1".getBytes(StandardCharsets.US_ASCII))).isEqualTo("order-1 /shop?x=1");
        assertThat(Utf8.decode(new byte[0])).isEmpty();
        assertThat(Utf8.decode(new byte[] {0, 0x7f})).isEqualTo("\u0000\u007f");
    }

    @Test
    void nonAsciiUtf8IsDecoded() {
        assertThat(Utf8.decode("grüße 日本 \ud83d\ude00 \ufffd".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("grüße 日本 \ud83d\ude00 \ufffd");
    }

    @Test
    void malformedInputNamesTheFirstBadByte() {
        assertMalformed(new byte[] {'o', 'k', (byte) 0xff}, "malformed UTF-8 at byte offset 2 (0xff)");
        assertMalformed(new byte[] {(byte) 0x80}, "malformed UTF-8 at byte offset 0 (0x80)");
        assertMalformed(new byte[] {'a', 'b', (byte) 0xc3}, "malformed UTF-8 at byte offset 2 (0xc3)"); // cut short
        assertMalformed(new byte[] {(byte) 0xc0, (byte) 0x80}, "malformed UTF-8 at byte offset 0 (0xc0)"); // overlong
        assertMalformed(new byte[] {'x', (byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate
                "malformed UTF-8 at byte offset 1 (0xed)");
    }

    @Test
    void everySingleByteAgreesWithAStrictDecoder() {
        for (int b = 0; b < 256; b++) {
            assertAgreesWithStrictDecoder(new byte[] {'a', (byte) b, 'z'});
        }
    }

    @Test
    void arbitraryBytesAgreeWithAStrictDecoder() {
        Random random = new Random(20_240_131L);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) { // mostly ASCII with a byte or two that is not
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = random.nextInt(4) == 0 ? bytes[j] : (byte) (bytes[j] & 0x7f);
                }
            }
            assertAgreesWithStrictDecoder(bytes);
        }
    }

    private static void assertAgreesWithStrictDecoder(byte[] bytes) {
        String expected;
        try {
            expected = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            expected = null;
        }
        if (expected == null) {
            assertThat(catchThrowableOfType(Utf8.MalformedUtf8Exception.class, () -> Utf8.decode(bytes)))
                    .as("decoding %s fails", Arrays.toString(bytes)).isNotNull();
        } else {
            assertThat(Utf8.decode(bytes)).isEqualTo(expected);
        }
    }

    private static void assertMalformed(byte[] bytes, String message) {
        Utf8.MalformedUtf8Exception e = catchThrowableOfType(Utf8.MalformedUtf8Exception.class,
                () -> Utf8.decode(bytes));
        assertThat(e).hasMessage(message);
    }
}
