package dev.tributary.ingest.mqtt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;

/** The {@code json} codec: the payload must be one valid JSON value; it is kept as it is, as application/json. */
public final class JsonConverter implements PayloadConverter {

    public static final String CONTENT_TYPE = "application/json";

    @Override
    public Conversion convert(InboundMessage message, String kafkaTopic, Optional<String> key) {
        try {
            JsonPayloads.read(message.payload());
            return new Conversion.Valid(message.payload(), CONTENT_TYPE, Optional.empty());
        } catch (JsonProcessingException e) {
            return new Conversion.Invalid("the payload is not valid JSON: " + JsonPayloads.describe(e));
        }
    }
}
