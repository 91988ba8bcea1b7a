package dev.tributary.ingest.mqtt.internal;

import java.util.Optional;

/**
 * The {@code bytes} codec: any payload, unchanged, with the content type its MQTT 5 publisher gave or
 * {@value MessageEvents#OCTET_STREAM}.
 */
public final class BytesConverter implements PayloadConverter {

    @Override
    public Conversion convert(InboundMessage message, String kafkaTopic, Optional<String> key) {
        return new Conversion.Valid(message.payload(), message.contentType().orElse(MessageEvents.OCTET_STREAM),
                Optional.empty());
    }
}
