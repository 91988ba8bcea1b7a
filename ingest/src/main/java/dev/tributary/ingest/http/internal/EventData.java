package dev.tributary.ingest.http.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Checks an event's data where its content type says JSON, and keys the event from it.
 *
 * <p>Data whose {@code datacontenttype} is a JSON type must be valid JSON: a consumer would fail on it later, so
 * the sender hears about it now. With a key pointer configured, an event without a {@code partitionkey} extension is
 * keyed by the value at that pointer in its JSON data: a string, number or boolean, as text. JSON data without a
 * value there is refused, since the event would silently lose its ordering; data that is not JSON has no key from
 * the pointer. Thread-safe.
 */
public final class EventData {

    private final Optional<JsonPointer> keyPointer;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** @param keyPointer a JSON Pointer into the data for the key, already checked by the settings */
    public EventData(Optional<String> keyPointer) {
        this.keyPointer = keyPointer.map(JsonPointer::compile);
    }

    /**
     * The event, keyed from its data when it needs a key and one is configured.
     *
     * @param where where the event is in the request, for messages: empty, or {@code event [2]: }
     * @throws InvalidEventException when JSON data is not valid, or lacks the key
     */
    public CloudEvent checkAndKey(CloudEvent event, String where) {
        Optional<JsonNode> json = json(event, where);
        if (event.getExtension(KafkaEventCodec.PARTITION_KEY) != null || keyPointer.isEmpty() || json.isEmpty()) {
            return event;
        }
        JsonPointer pointer = keyPointer.get();
        JsonNode key = json.get().at(pointer);
        if (!key.isValueNode() || key.isNull()) {
            throw new InvalidEventException("data", where + "data has " + (key.isMissingNode() ? "no value"
                    : CloudEventReader.describe(key)) + " at " + pointer + ", where the event's key is read; send a "
                    + "string or number there, or set the partitionkey extension");
        }
        return CloudEventBuilder.from(event).withExtension(KafkaEventCodec.PARTITION_KEY, key.asText()).build();
    }

    private Optional<JsonNode> json(CloudEvent event, String where) {
        if (event.getData() == null || !MediaTypes.isJson(event.getDataContentType())) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readTree(event.getData().toBytes()));
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("data", where + "data is not valid JSON, though its content type "
                    + event.getDataContentType() + " says it is: " + CloudEventReader.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a byte array", e);
        }
    }
}
