package dev.tributary.ingest.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer to an HTTP request, before it is written: the status, extra headers, and a JSON body. Error bodies are
 * objects with an {@code error} member that says what is wrong and what to do.
 *
 * @param status  the HTTP status
 * @param headers headers besides {@code Content-Type}, which is always {@code application/json}
 * @param body    the JSON body
 */
public record Reply(int status, Map<String, String> headers, JsonNode body) {

    // Immutable once built, and only ever used to write trees.
    private static final ObjectMapper WRITER = JsonMapper.builder().build();

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of(), body);
    }

    /** {@code {"error": message}}. */
    public static Reply error(int status, String message) {
        return json(status, errorBody(message));
    }

    /** An error body to add members to. */
    public static ObjectNode errorBody(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body);
    }

    public byte[] bodyBytes() {
        try {
            return WRITER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree", e);
        }
    }

    /** The {@code error} member, for logs and tests; empty for a success. */
    public String errorMessage() {
        JsonNode error = body.get("error");
        return error == null ? "" : error.asText();
    }
}
