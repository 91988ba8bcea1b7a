package dev.tributary.connectors.storage.internal;

import dev.tributary.connectors.storage.ObjectFormat;

/**
 * The name of a batch's object, a function of where its events came from and nothing else:
 * {@code <prefix>/<topic>/<partition>/<first offset>-<last offset>.<extension>}. Offsets have 19 digits, zero-padded
 * (every Kafka offset fits), so a listing of a partition's folder is in offset order. Writing the same events again
 * yields the same name, and so replaces the object rather than adding a copy. Thread-safe.
 */
public final class ObjectNames {

    private final String prefix;
    private final String extension;

    /** @param prefix without a leading or trailing {@code /}; empty for none */
    public ObjectNames(String prefix, ObjectFormat format) {
        this.prefix = prefix.isEmpty() ? "" : prefix + "/";
        this.extension = "." + format.extension();
    }

    public String of(String topic, int partition, long firstOffset, long lastOffset) {
        return prefix + topic + "/" + partition + "/" + offset(firstOffset) + "-" + offset(lastOffset) + extension;
    }

    private static String offset(long offset) {
        return String.format("%019d", offset);
    }
}
