package dev.tributary.sdk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link Event} built by hand, for {@link FunctionTester} and a function's unit tests. Unset attributes
 * get plausible values: id {@code test-<n>}, source {@code test://tributary}, type {@code dev.tributary.test},
 * topic {@code test}, partition 0, increasing offsets, attempt 1.
 *
 * @param <T> the type of the data
 */
public final class TestEvent<T> implements Event<T> {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String id;
    private final URI source;
    private final String type;
    private final String subject;
    private final OffsetDateTime time;
    private final String dataContentType;
    private final URI dataSchema;
    private final Map<String, String> extensions;
    private final T data;
    private final byte[] rawData;
    private final byte[] key;
    private final String topic;
    private final int partition;
    private final long offset;
    private final int attempt;

    private TestEvent(Builder<T> builder) {
        long sequence = SEQUENCE.incrementAndGet();
        this.id = builder.id != null ? builder.id : "test-" + sequence;
        this.source = builder.source;
        this.type = builder.type;
        this.subject = builder.subject;
        this.time = builder.time;
        this.dataContentType = builder.dataContentType;
        this.dataSchema = builder.dataSchema;
        this.extensions = Map.copyOf(builder.extensions);
        this.data = builder.data;
        this.rawData = builder.rawData != null ? builder.rawData : rawFor(builder.data);
        this.key = builder.key;
        this.topic = builder.topic;
        this.partition = builder.partition;
        this.offset = builder.offset >= 0 ? builder.offset : sequence;
        this.attempt = builder.attempt;
    }

    public static <T> TestEvent<T> of(T data) {
        return builder(data).build();
    }

    public static <T> Builder<T> builder(T data) {
        return new Builder<>(data);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public URI source() {
        return source;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    @Override
    public Optional<OffsetDateTime> time() {
        return Optional.ofNullable(time);
    }

    @Override
    public Optional<String> dataContentType() {
        return Optional.ofNullable(dataContentType);
    }

    @Override
    public Optional<URI> dataSchema() {
        return Optional.ofNullable(dataSchema);
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
        return rawData.clone();
    }

    @Override
    public Optional<byte[]> key() {
        return Optional.ofNullable(key).map(byte[]::clone);
    }

    @Override
    public Optional<String> keyAsString() {
        return Optional.ofNullable(key).map(k -> new String(k, StandardCharsets.UTF_8));
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int partition() {
        return partition;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public String toString() {
        return "TestEvent[id=" + id + ", type=" + type + ", key=" + keyAsString().orElse(null) + ", data=" + data + "]";
    }

    private static byte[] rawFor(Object data) {
        if (data instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    /** Builds a {@link TestEvent}. */
    public static final class Builder<T> {
        private final T data;
        private String id;
        private URI source = URI.create("test://tributary");
        private String type = "dev.tributary.test";
        private String subject;
        private OffsetDateTime time;
        private String dataContentType;
        private URI dataSchema;
        private final Map<String, String> extensions = new LinkedHashMap<>();
        private byte[] rawData;
        private byte[] key;
        private String topic = "test";
        private int partition;
        private long offset = -1;
        private int attempt = 1;

        private Builder(T data) {
            this.data = data;
        }

        public Builder<T> id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder<T> source(URI source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        public Builder<T> type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder<T> subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder<T> time(OffsetDateTime time) {
            this.time = time;
            return this;
        }

        public Builder<T> dataContentType(String dataContentType) {
            this.dataContentType = dataContentType;
            return this;
        }

        public Builder<T> dataSchema(URI dataSchema) {
            this.dataSchema = dataSchema;
            return this;
        }

        public Builder<T> extension(String name, String value) {
            extensions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        /** The bytes {@link Event#rawData()} returns; by default the data itself for bytes and text. */
        public Builder<T> rawData(byte[] rawData) {
            this.rawData = rawData.clone();
            return this;
        }

        public Builder<T> key(String key) {
            this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder<T> key(byte[] key) {
            this.key = key == null ? null : key.clone();
            return this;
        }

        public Builder<T> topic(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        public Builder<T> partition(int partition) {
            this.partition = partition;
            return this;
        }

        public Builder<T> offset(long offset) {
            this.offset = offset;
            return this;
        }

        public Builder<T> attempt(int attempt) {
            if (attempt < 1) {
                throw new IllegalArgumentException("attempts count from 1, not " + attempt);
            }
            this.attempt = attempt;
            return this;
        }

        public TestEvent<T> build() {
            return new TestEvent<>(this);
        }
    }
}
