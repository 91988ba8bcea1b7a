package dev.tributary.connectors.http;

/** How {@link WebhookSink} puts an event into a request: the {@code format} setting. */
public enum WebhookFormat {

    /**
     * The CloudEvents HTTP binding in binary mode: each attribute and extension in a percent-encoded
     * {@code ce-<name>} header, {@code datacontenttype} as {@code Content-Type}, the data as the body, byte for byte.
     * An event keyed by its record key rather than a {@code partitionkey} extension gets {@code ce-partitionkey}.
     */
    BINARY,

    /**
     * The CloudEvents HTTP binding in structured mode: the whole event as one {@code application/cloudevents+json}
     * object. JSON data (a JSON content type, or none) is embedded as it is, other text as a string, anything else
     * as {@code data_base64}, so no event is refused for its data.
     */
    STRUCTURED,

    /**
     * The data alone, for endpoints that know nothing of CloudEvents: the body is the event's JSON data, byte for
     * byte, with its content type ({@code application/json} when it has none). An event without data, or whose
     * content type is not JSON, cannot be sent this way and goes to the dead-letter topic.
     */
    DATA
}
