package dev.tributary.ingest.mqtt.internal;

import java.util.Optional;

/** A mapping's codec: checks a payload and makes the event data of it. Implementations are thread-safe. */
public interface PayloadConverter {

    /**
     * @param kafkaTopic where the event goes, for codecs whose encoding depends on it (a schema subject)
     * @param key        the record key the topic gave, if any
     */
    Conversion convert(InboundMessage message, String kafkaTopic, Optional<String> key);
}
