package dev.tributary.sdk.stream.internal;

import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.event.EventKey;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.sdk.Event;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An event read by a stream function (or by its tester from an output topic), its data decoded. Immutable. */
public final class StreamEvent<T> implements Event<T> {

    private final KafkaEvent event;
    private final CloudEvent cloudEvent;
    private final T data;
    private final Map<String, String> extensions;

    StreamEvent(KafkaEvent event, T data) {
        this.event = event;
        this.cloudEvent = event.cloudEvent();
        this.data = data;
        Map<String, String> extensions = new LinkedHashMap<>();
        for (String name : cloudEvent.getExtensionNames()) {
            Object value = cloudEvent.getExtension(name);
            if (value != null) {
                extensions.put(name, value.toString());
            }
        }
        this.extensions = Map.copyOf(extensions);
    }

    /**
     * {@code event} with its data decoded by {@code codec}.
     *
     * @throws dev.tributary.schemas.codec.DataCodecException when the data does not decode
     */
    public static <T> StreamEvent<T> decode(KafkaEvent event, DataCodec<T> codec) {
        return new StreamEvent<>(event, codec.decode(event.topic(), rawData(event.cloudEvent())));
    }

    static byte[] rawData(CloudEvent cloudEvent) {
        return cloudEvent.getData() == null ? null : cloudEvent.getData().toBytes();
    }

    @Override
    public String id() {
        return cloudEvent.getId();
    }

    @Override
    public URI source() {
        return cloudEvent.getSource();
    }

    @Override
    public String type() {
        return cloudEvent.getType();
    }

    @Override
    public Optional<String> subject() {
        return Optional.ofNullable(cloudEvent.getSubject());
    }

    @Override
    public Optional<OffsetDateTime> time() {
        return Optional.ofNullable(cloudEvent.getTime());
    }

    @Override
    public Optional<String> dataContentType() {
        return Optional.ofNullable(cloudEvent.getDataContentType());
    }

    @Override
    public Optional<URI> dataSchema() {
        return Optional.ofNullable(cloudEvent.getDataSchema());
    }

    @Override
    public Map<String, String> extensions() {
        return extensions;
    }

    @Override
    public T data() {
        return data;
    }

    @Override
    public byte[] rawData() {
        byte[] raw = rawData(cloudEvent);
        return raw == null ? new byte[0] : raw;
    }

    @Override
    public Optional<byte[]> key() {
        return event.key().map(EventKey::bytes);
    }

    @Override
    public Optional<String> keyAsString() {
        return event.key().map(key -> new String(key.bytes(), StandardCharsets.UTF_8));
    }

    @Override
    public String topic() {
        return event.topic();
    }

    @Override
    public int partition() {
        return event.partition();
    }

    @Override
    public long offset() {
        return event.offset();
    }

    /** Always 1: Kafka Streams does not count attempts; a record processed again after a crash is a new first. */
    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public String toString() {
        return "StreamEvent[id=" + id() + ", type=" + type() + ", key=" + keyAsString().orElse(null) + ", data="
                + data + "]";
    }
}
