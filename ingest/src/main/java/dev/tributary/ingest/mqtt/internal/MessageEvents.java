package dev.tributary.ingest.mqtt.internal;

import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes the CloudEvent of an MQTT message: id from a {@code ce-id} user property or a fresh UUID, source
 * {@code /tributary/mqtt/<topic>}, the mapping's type, subject the MQTT topic, time of arrival, {@code partitionkey}
 * the key, and the user properties as extensions (see {@link ExtensionNames}). Thread-safe.
 */
public final class MessageEvents {

    /** The extension that says why a message went to the invalid topic. */
    public static final String INVALID_REASON = "invalidreason";
    /** The content type of messages whose publisher gave none and whose mapping does not decide it. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final int MAX_REASON_LENGTH = 1_000;
    private static final String SOURCE_PREFIX = "/tributary/mqtt/";

    private final Clock clock;

    public MessageEvents(Clock clock) {
        this.clock = clock;
    }

    /** The event of a message whose payload the mapping accepted, with the data and content type it made of it. */
    public CloudEvent valid(CompiledMapping mapping, InboundMessage message, Optional<String> key, byte[] data,
                            String contentType) {
        return withData(builder(mapping, message, key).withDataContentType(contentType), data).build();
    }

    /**
     * The event of a message that goes to the invalid topic: its payload unchanged, and {@value #INVALID_REASON}
     * saying why.
     */
    public CloudEvent invalid(CompiledMapping mapping, InboundMessage message, Optional<String> key, String reason) {
        String shortReason = reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "...";
        return withData(builder(mapping, message, key), message.payload())
                .withDataContentType(message.contentType().orElse(OCTET_STREAM))
                .withExtension(INVALID_REASON, shortReason)
                .build();
    }

    /** An empty payload is an event without data, which a Kafka record carries as a null value. */
    private static CloudEventBuilder withData(CloudEventBuilder event, byte[] data) {
        return data.length == 0 ? event : event.withData(data);
    }

    private CloudEventBuilder builder(CompiledMapping mapping, InboundMessage message, Optional<String> key) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(ExtensionNames.eventId(message.userProperties()).orElseGet(() -> UUID.randomUUID().toString()))
                .withSource(source(message.topic()))
                .withType(mapping.type())
                .withSubject(message.topic())
                .withTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        ExtensionNames.extensions(message.userProperties()).forEach(event::withExtension);
        key.ifPresent(value -> event.withExtension(KafkaEventCodec.PARTITION_KEY, value));
        return event;
    }

    /** {@code /tributary/mqtt/<topic>}, with what a URI path cannot hold percent-encoded. */
    static URI source(String topic) {
        try {
            return new URI(null, null, SOURCE_PREFIX + topic, null);
        } catch (URISyntaxException e) {
            // The multi-argument constructor quotes every illegal character, so this cannot happen.
            throw new IllegalStateException("no source URI for MQTT topic " + topic, e);
        }
    }
}
