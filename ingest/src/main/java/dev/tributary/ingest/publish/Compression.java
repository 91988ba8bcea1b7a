package dev.tributary.ingest.publish;

import java.util.Locale;

/**
 * How the publisher compresses record batches. Both are fast enough that compressing costs less than sending the
 * bytes; the broker stores batches as they arrive, so consumers decompress.
 */
public enum Compression {
    /** LZ4: the least CPU per byte, a good default for small JSON events. */
    LZ4,
    /** Zstandard: smaller batches for a little more CPU; worth it when network or disk is the limit. */
    ZSTD;

    /** The value of Kafka's {@code compression.type}. */
    public String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
