package dev.tributary.ingest.mqtt.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Strict JSON reading for payloads: one value, no trailing content, no duplicate member names. Thread-safe. */
final class JsonPayloads {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonPayloads() {
    }

    /**
     * @throws JsonProcessingException when the payload is not one valid JSON value; {@link #describe} says why
     */
    static JsonNode read(byte[] payload) throws JsonProcessingException {
        if (payload.length == 0) {
            throw new EmptyPayloadException();
        }
        try {
            return MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a byte array", e);
        }
    }

    /** Why a payload is not JSON, with where: {@code Unexpected character ('n') at line 1, column 2}. */
    static String describe(JsonProcessingException e) {
        if (e instanceof EmptyPayloadException) {
            return "the payload is empty";
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)) + where;
    }

    /** An empty payload, which Jackson would read as a missing value rather than fail on. */
    private static final class EmptyPayloadException extends JsonProcessingException {

        private static final long serialVersionUID = 1L;

        EmptyPayloadException() {
            super("the payload is empty");
        }
    }
}
