package dev.tributary.sdk.internal;

import dev.tributary.schemas.event.EventKey;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.sdk.Event;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The SDK's view of an event read from Kafka, its data decoded to the function's type. Immutable. */
public final class DecodedEvent<T> implements Event<T> {

    private final KafkaEvent event;
    private final CloudEvent cloudEvent;
    private final T data;
    private final int attempt;
    /** Made on first use: most functions never ask, and the copy was a large part of an invocation's cost. */
    private Map<String, String> extensions;

    /** {@code event} with its already decoded {@code data}, on its {@code attempt}th attempt (from 1). */
    public DecodedEvent(KafkaEvent event, T data, int attempt) {
        this.event = event;
        this.cloudEvent = event.cloudEvent();
        this.data = data;
        this.attempt = attempt;
    }

    /** The event's data as it is on the record, or null when it has none. */
    public static byte[] rawDataOrNull(KafkaEvent event) {
        return event.cloudEvent().getData() == null ? null : event.cloudEvent().getData().toBytes();
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

    /** An immutable map; threads that race to make it make equal ones, so it needs no lock. */
    @Override
    public Map<String, String> extensions() {
        Map<String, String> made = extensions;
        if (made == null) {
            Set<String> names = cloudEvent.getExtensionNames();
            List<Map.Entry<String, String>> entries = new ArrayList<>(names.size());
            for (String name : names) {
                Object value = cloudEvent.getExtension(name);
                if (value != null) {
                    entries.add(Map.entry(name, value.toString()));
                }
            }
            made = Map.ofEntries(entries.toArray(Map.Entry[]::new));
            extensions = made;
        }
        return made;
    }

    @Override
    public T data() {
        return data;
    }

    @Override
    public byte[] rawData() {
        byte[] raw = rawDataOrNull(event);
        return raw == null ? new byte[0] : raw;
    }

    @Override
    public Optional<byte[]> key() {
        return event.key().map(EventKey::bytes);
    }

    @Override
    public Optional<String> keyAsString() {
        return key().map(bytes -> new String(bytes, StandardCharsets.UTF_8));
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

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public String toString() {
        return "Event[id=" + id() + ", type=" + type() + ", key=" + keyAsString().orElse(null) + ", data=" + data + "]";
    }
}
