package dev.tributary.connectors.http.internal;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of CloudEvents attribute values in HTTP headers (HTTP protocol binding, section 3.1.3.2):
 * the value's UTF-8 bytes, with space, {@code "}, {@code %} and every byte outside printable ASCII written as
 * {@code %XX}.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    static String encode(String value) {
        return encode(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes as a header value: a record key that is not UTF-8 stays lossless, byte for byte. */
    static String encode(byte[] bytes) {
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
}
