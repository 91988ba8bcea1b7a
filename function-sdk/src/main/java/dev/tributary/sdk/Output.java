package dev.tributary.sdk;

import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.codec.DataCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.generic.IndexedRecord;

/**
 * An event a function emits through {@link Context#emit(Output)}. Tributary writes it as a CloudEvent in
 * binary mode; attributes left unset get defaults: the id is derived from the input event and the position of
 * the output, so a retried invocation emits the same ids and consumers can drop duplicates; the source names
 * the function. Immutable.
 */
public final class Output {

    private final String id;
    private final URI source;
    private final String type;
    private final String subject;
    private final OffsetDateTime time;
    private final URI dataSchema;
    private final Map<String, String> extensions;
    private final byte[] key;
    private final Object value;
    private final DataCodec<Object> codec;
    private final byte[] encoded;
    private final String contentType;
    private final IndexedRecord avro;

    private Output(Builder builder) {
        this.id = builder.id;
        this.source = builder.source;
        this.type = Objects.requireNonNull(builder.type, "an output needs a type: call type(...)");
        this.subject = builder.subject;
        this.time = builder.time;
        this.dataSchema = builder.dataSchema;
        this.extensions = Map.copyOf(builder.extensions);
        this.key = builder.key;
        this.value = builder.value;
        this.codec = builder.codec;
        this.encoded = builder.encoded;
        this.contentType = builder.contentType;
        this.avro = builder.avro;
    }

    /** A new output of the given CloudEvent type. */
    public static Builder ofType(String type) {
        return new Builder().type(type);
    }

    /**
     * The input event unchanged: same id, source, type, subject, time, extensions, key and data bytes. This is
     * what a forwarding function emits.
     */
    public static Output copyOf(Event<?> event) {
        Builder builder = new Builder()
                .id(event.id())
                .source(event.source())
                .type(event.type())
                .bytes(event.rawData(), event.dataContentType().orElse(null));
        event.subject().ifPresent(builder::subject);
        event.time().ifPresent(builder::time);
        event.dataSchema().ifPresent(builder::dataSchema);
        event.extensions().forEach(builder::extension);
        event.key().ifPresent(builder::key);
        return builder.build();
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Optional<URI> source() {
        return Optional.ofNullable(source);
    }

    public String type() {
        return type;
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<OffsetDateTime> time() {
        return Optional.ofNullable(time);
    }

    public Optional<URI> dataSchema() {
        return Optional.ofNullable(dataSchema);
    }

    public Map<String, String> extensions() {
        return extensions;
    }

    /** The record key; empty for a null key. */
    public Optional<byte[]> key() {
        return Optional.ofNullable(key).map(byte[]::clone);
    }

    /**
     * The data as the function gave it: the value for a codec, the Avro record, else the bytes; null when there is
     * none.
     */
    public Object value() {
        if (avro != null) {
            return avro;
        }
        return codec != null ? value : encoded == null ? null : encoded.clone();
    }

    /** The content type of the data, from the codec or as given with the bytes. */
    public Optional<String> dataContentType() {
        if (avro != null) {
            return Optional.of(AvroCodec.CONTENT_TYPE);
        }
        return Optional.ofNullable(codec != null ? codec.contentType() : contentType);
    }

    /**
     * The Avro record given with {@link Builder#avro(IndexedRecord)}: Tributary encodes it when it writes the
     * output, with the process's schema registry.
     */
    public Optional<IndexedRecord> avroData() {
        return Optional.ofNullable(avro);
    }

    /**
     * The data as it goes to Kafka; the topic matters to codecs that name schema subjects after it.
     *
     * @throws IllegalStateException for {@linkplain #avroData() Avro data}, which only a schema registry can encode
     */
    public byte[] encode(String topic) {
        if (avro != null) {
            throw new IllegalStateException("Avro data is encoded with the schema registry when Tributary writes the"
                    + " output; read it with avroData()");
        }
        if (codec != null) {
            return codec.encode(topic, value);
        }
        return encoded == null ? null : encoded.clone();
    }

    @Override
    public String toString() {
        return "Output[type=" + type + ", id=" + id + ", key=" + (key == null ? null : new String(key, StandardCharsets.UTF_8))
                + ", value=" + (avro != null ? avro : codec != null ? value : encoded == null ? null : encoded.length + " bytes")
                + "]";
    }

    /** Builds an {@link Output}; {@code type} is required, everything else optional. */
    public static final class Builder {
        private String id;
        private URI source;
        private String type;
        private String subject;
        private OffsetDateTime time;
        private URI dataSchema;
        private final Map<String, String> extensions = new LinkedHashMap<>();
        private byte[] key;
        private Object value;
        private DataCodec<Object> codec;
        private byte[] encoded;
        private String contentType;
        private IndexedRecord avro;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder source(URI source) {
            this.source = source;
            return this;
        }

        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder time(OffsetDateTime time) {
            this.time = time;
            return this;
        }

        public Builder dataSchema(URI dataSchema) {
            this.dataSchema = dataSchema;
            return this;
        }

        public Builder extension(String name, String value) {
            extensions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        /** The record key, which orders the output in {@code key} mode downstream. */
        public Builder key(byte[] key) {
            this.key = key == null ? null : key.clone();
            return this;
        }

        public Builder key(String key) {
            return key(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
        }

        /** Data encoded by {@code codec} when the output is written. */
        @SuppressWarnings("unchecked")
        public <T> Builder data(T value, DataCodec<T> codec) {
            this.value = value;
            this.codec = (DataCodec<Object>) Objects.requireNonNull(codec, "codec");
            this.encoded = null;
            this.contentType = null;
            this.avro = null;
            return this;
        }

        /**
         * Data as Avro: a generated record or a {@code GenericRecord}. Tributary writes it in the Confluent wire
         * format, its schema registered under the output topic's subject ({@code <topic>-value}) in the schema
         * registry of {@code tributary.yaml}, and sets the content type to {@value AvroCodec#CONTENT_TYPE}.
         */
        public Builder avro(IndexedRecord record) {
            this.avro = Objects.requireNonNull(record, "record");
            this.value = null;
            this.codec = null;
            this.encoded = null;
            this.contentType = null;
            return this;
        }

        /** Data as bytes, with their content type (may be null when unknown). */
        public Builder bytes(byte[] data, String contentType) {
            this.encoded = data == null ? null : Arrays.copyOf(data, data.length);
            this.contentType = contentType;
            this.value = null;
            this.codec = null;
            this.avro = null;
            return this;
        }

        /** Data as UTF-8 text. */
        public Builder text(String data) {
            return bytes(data == null ? null : data.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        }

        public Output build() {
            return new Output(this);
        }
    }
}
