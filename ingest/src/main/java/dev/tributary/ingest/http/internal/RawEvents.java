package dev.tributary.ingest.http.internal;

import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Wraps a request body that is not a CloudEvent (plain data to a topic, a webhook's payload) in one: the body as
 * the data, {@code Content-Type} as {@code datacontenttype} ({@value MediaTypes#OCTET_STREAM} without one), the
 * time it arrived, and the id, source, type and key the endpoint chose.
 */
public final class RawEvents {

    private final Clock clock;

    public RawEvents(Clock clock) {
        this.clock = clock;
    }

    /** A fresh event id: a random UUID, unique without coordination between replicas. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param key the record key, or empty for none
     */
    public CloudEvent wrap(String id, URI source, String type, String contentType, byte[] body, Optional<String> key) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(source)
                .withType(type)
                .withTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .withDataContentType(contentType == null ? MediaTypes.OCTET_STREAM : contentType);
        if (body.length > 0) {
            event.withData(body);
        }
        key.ifPresent(text -> event.withExtension(KafkaEventCodec.PARTITION_KEY, text));
        return event.build();
    }

    /**
     * The text of a header a client may send in UTF-8: HTTP carries header bytes as ISO-8859-1 characters, which are
     * turned back into bytes and read as UTF-8.
     *
     * @throws InvalidEventException when the value is empty or its bytes are not UTF-8
     */
    public static String headerText(String header, String value, String attribute) {
        if (value.isBlank()) {
            throw new InvalidEventException(attribute, "header " + header + ": empty; leave the header out, or give "
                    + "a value");
        }
        if (value.chars().allMatch(c -> c < 0x80)) {
            return value.trim();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString().trim();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException(attribute, "header " + header + ": not UTF-8; send the value in UTF-8");
        }
    }
}
