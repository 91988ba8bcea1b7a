package dev.tributary.schemas.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of CloudEvents attribute values in HTTP headers (HTTP protocol binding, section 3.1.3.2):
 * the value's UTF-8 bytes, with space, {@code "}, {@code %} and every byte outside printable ASCII written as
 * {@code %XX}.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(String value) {
        return encode(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes as a header value: a record key that is not UTF-8 stays lossless, byte for byte. */
    public static String encode(byte[] bytes) {
        StringBuilder encoded = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c > ' ' && c < 0x7f && c != '"' && c != '%') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    /**
     * The text of a percent-encoded header value. A character that should have been encoded and was not is taken
     * as the byte it arrived as (HTTP headers arrive as ISO-8859-1), so a sender that puts raw UTF-8 in a header is still understood.
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hexadecimal digits, or the bytes
     *                                  are not UTF-8
     */
    public static String decode(String value) {
        if (value.indexOf('%') < 0 && value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                if (c > 0xff) {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                } else {
                    bytes.write(c);
                }
                continue;
            }
            int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int low = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("'%' at index " + i + " is not followed by two hexadecimal digits;"
                        + " write a literal '%' as %25");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not UTF-8 once percent-decoded");
        }
    }
}
