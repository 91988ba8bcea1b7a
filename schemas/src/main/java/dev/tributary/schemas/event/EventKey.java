package dev.tributary.schemas.event;

import dev.tributary.schemas.internal.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The ordering key of an event: the bytes of a Kafka record key, compared by content. Two keys are equal
 * when their bytes are, so a key can index the per-key ordering state of a dispatcher (a raw {@code byte[]}
 * compares by identity and cannot).
 *
 * <p>Immutable: the bytes are copied in and out.
 */
public final class EventKey {

    private final byte[] bytes;
    private final int hash;

    private EventKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** A key with a copy of {@code bytes}. */
    public static EventKey of(byte[] bytes) {
        return new EventKey(Objects.requireNonNull(bytes, "key bytes").clone());
    }

    /** A key with the UTF-8 bytes of {@code text}, as the {@code partitionkey} extension is mapped to a record key. */
    public static EventKey ofUtf8(String text) {
        return new EventKey(Objects.requireNonNull(text, "key text").getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the key's bytes, as written to the Kafka record key. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The key as text when it is UTF-8, otherwise as {@code 0x} and hexadecimal digits; for logs. */
    @Override
    public String toString() {
        try {
            return Utf8.decode(bytes);
        } catch (Utf8.MalformedUtf8Exception e) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
    }
}
