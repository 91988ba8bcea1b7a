package dev.tributary.sdk;

/**
 * A function that handles one event at a time and returns when done. It runs on a virtual thread, so
 * blocking I/O inside it is fine and cheap.
 *
 * <p>The type argument chooses how the event's data is decoded (see {@link DataType}): {@code byte[]} for
 * the raw bytes, {@code String} for text, Jackson's {@code JsonNode} for a JSON tree, an Avro
 * {@code SpecificRecord} or {@code GenericRecord} for Avro in the Confluent wire format, and any other class
 * for JSON bound to that class.
 *
 * <p>Returning completes the event; throwing fails it (see {@link NonRetryableException} and
 * {@link RetryableException}).
 *
 * @param <T> the type of the event's data
 */
@FunctionalInterface
public interface EventFunction<T> extends FunctionLifecycle {

    void handle(Event<T> event, Context context) throws Exception;
}
