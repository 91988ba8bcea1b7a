package dev.tributary.connectors.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.tributary.sdk.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * An event in the CloudEvents JSON format (version 1.0): the body of a structured-mode request, or one line of a
 * JSON-lines object. The data goes in as the format says and never makes the event unwritable:
 * <ul>
 *   <li>JSON data (a JSON content type, or none, which the format reads as JSON) is embedded as {@code data}, its
 *       bytes unchanged, so numbers keep their precision;</li>
 *   <li>{@code text/*} data that is valid UTF-8 becomes a {@code data} string;</li>
 *   <li>anything else, including bytes labelled JSON that do not parse, goes as {@code data_base64}.</li>
 * </ul>
 * An event ordered by its record key rather than a {@code partitionkey} extension gets {@code partitionkey} with that
 * key. Thread-safe.
 */
public final class CloudEventJson {

    public static final String PARTITION_KEY = "partitionkey";

    private final JsonFactory json = JsonFactory.builder().build();
    private final boolean oneLine;

    private CloudEventJson(boolean oneLine) {
        this.oneLine = oneLine;
    }

    /** Writes each event as it is best read alone: JSON data keeps its bytes, line breaks included. */
    public static CloudEventJson document() {
        return new CloudEventJson(false);
    }

    /**
     * Writes each event on one line, for JSON lines. JSON data keeps its bytes except its line breaks, which become
     * spaces: a JSON string cannot hold a raw line break, so every one in valid JSON is whitespace between tokens.
     */
    public static CloudEventJson line() {
        return new CloudEventJson(true);
    }

    public byte[] write(Event<byte[]> event) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + event.rawData().length);
        try (JsonGenerator out = json.createGenerator(body)) {
            out.writeStartObject();
            out.writeStringField("specversion", "1.0");
            out.writeStringField("id", event.id());
            out.writeStringField("source", event.source().toString());
            out.writeStringField("type", event.type());
            optional(out, "subject", event.subject());
            optional(out, "time", event.time().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format));
            optional(out, "datacontenttype", event.dataContentType());
            optional(out, "dataschema", event.dataSchema().map(Object::toString));
            Map<String, String> extensions = event.extensions();
            for (Map.Entry<String, String> extension : extensions.entrySet()) {
                out.writeStringField(extension.getKey(), extension.getValue());
            }
            if (!extensions.containsKey(PARTITION_KEY)) {
                optional(out, PARTITION_KEY, event.keyAsString());
            }
            data(out, event.rawData(), event.dataContentType());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return body.toByteArray();
    }

    private void data(JsonGenerator out, byte[] data, Optional<String> contentType) throws IOException {
        if (data.length == 0) {
            return;
        }
        if (contentType.map(MediaTypes::isJson).orElse(true) && isJson(data)) {
            String text = new String(data, StandardCharsets.UTF_8);
            out.writeFieldName("data");
            out.writeRawValue(oneLine ? text.replace('\r', ' ').replace('\n', ' ') : text);
            return;
        }
        Optional<String> text = contentType.filter(MediaTypes::isText).flatMap(type -> utf8(data));
        if (text.isPresent()) {
            out.writeStringField("data", text.get());
            return;
        }
        out.writeFieldName("data_base64");
        out.writeBinary(data);
    }

    /** Whether {@code data} is exactly one JSON value, in UTF-8. */
    private boolean isJson(byte[] data) {
        if (utf8(data).isEmpty()) {
            return false;
        }
        try (JsonParser parser = json.createParser(data)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }

    private static Optional<String> utf8(byte[] data) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void optional(JsonGenerator out, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            out.writeStringField(name, value.get());
        }
    }
}
