package dev.tributary.bench.core;

import java.nio.charset.StandardCharsets;

/**
 * How the benchmark's records look, for the loader that writes them and the contenders that read them.
 *
 * <p>Each record is a CloudEvent in the Kafka binding's binary mode, as Tributary's ingest writes them: the key
 * is {@code device-NNNNN}, the value 100 bytes, and two extension headers carry what the checks need: the
 * key's sequence number (0, 1, 2, ... in the order the key's records were produced) and the produce time in
 * microseconds since the epoch. Header values are ASCII decimals, as CloudEvents header values are strings.
 */
public final class RecordLayout {

    public static final int VALUE_BYTES = 100;

    public static final String SEQUENCE_EXTENSION = "benchseq";
    public static final String PRODUCED_EXTENSION = "benchsentus";
    public static final String SEQUENCE_HEADER = "ce_" + SEQUENCE_EXTENSION;
    public static final String PRODUCED_HEADER = "ce_" + PRODUCED_EXTENSION;

    private static final String KEY_PREFIX = "device-";
    private static final int KEY_DIGITS = 5;
    /** The most keys the key format holds. */
    public static final int MAX_KEYS = 100_000;

    private RecordLayout() {
    }

    /** The record key of key number {@code id}: {@code device-00042}. */
    public static byte[] key(int id) {
        if (id < 0 || id >= MAX_KEYS) {
            throw new IllegalArgumentException("key id " + id + " is outside 0.." + (MAX_KEYS - 1));
        }
        return (KEY_PREFIX + String.format("%0" + KEY_DIGITS + "d", id)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The key number of a record key written by {@link #key(int)}. */
    public static int keyId(byte[] key) {
        if (key == null || key.length != KEY_PREFIX.length() + KEY_DIGITS) {
            throw new IllegalArgumentException("not a benchmark key: "
                    + (key == null ? "null" : new String(key, StandardCharsets.US_ASCII)));
        }
        return (int) parseDecimal(key, KEY_PREFIX.length());
    }

    /** ASCII decimal digits, as the sequence and produce-time headers hold them. */
    public static byte[] decimal(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /** The value of a header written by {@link #decimal(long)}, parsed without making a String. */
    public static long parseDecimal(byte[] ascii) {
        if (ascii == null) {
            throw new IllegalArgumentException("a benchmark header is missing");
        }
        return parseDecimal(ascii, 0);
    }

    private static long parseDecimal(byte[] ascii, int from) {
        if (from >= ascii.length) {
            throw new IllegalArgumentException("no digits in a benchmark header or key");
        }
        long value = 0;
        for (int i = from; i < ascii.length; i++) {
            int digit = ascii[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a decimal: " + new String(ascii, StandardCharsets.US_ASCII));
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
