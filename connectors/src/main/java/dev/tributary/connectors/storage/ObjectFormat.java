package dev.tributary.connectors.storage;

/** How {@link ObjectStorageSink} writes a batch of events into one object: the {@code format} setting. */
public enum ObjectFormat {

    /**
     * JSON lines: one event per line, each a CloudEvent in the CloudEvents JSON format (attributes, extensions, the
     * ordering key as {@code partitionkey}, and the data: JSON embedded as it is, other text as a string, anything else
     * as {@code data_base64}), lines in offset order, each ending with a line feed. Objects are named
     * {@code .jsonl} and typed {@code application/x-ndjson}.
     */
    JSONL("jsonl", "application/x-ndjson");

    private final String extension;
    private final String contentType;

    ObjectFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** What object names end with, after the dot. */
    public String extension() {
        return extension;
    }

    /** The {@code Content-Type} objects are stored with. */
    public String contentType() {
        return contentType;
    }
}
