package dev.tributary.schemas.event;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Records as a consumer would return them, built without a broker. */
final class TestRecords {

    static final String TOPIC = "orders";
    static final int PARTITION = 3;
    static final long OFFSET = 42L;
    /** 2024-01-31T09:30:00Z. */
    static final long TIMESTAMP = 1_706_693_400_000L;

    private TestRecords() {
    }

    static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value, Header... headers) {
        return record(TIMESTAMP, key, value, headers);
    }

    static ConsumerRecord<byte[], byte[]> record(long timestamp, byte[] key, byte[] value, Header... headers) {
        return new ConsumerRecord<>(TOPIC, PARTITION, OFFSET, timestamp, TimestampType.CREATE_TIME,
                key == null ? -1 : key.length, value == null ? -1 : value.length, key, value,
                new RecordHeaders(headers), Optional.empty());
    }

    /** The record a consumer reads back after {@code produced} was written at {@link #OFFSET}. */
    static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> produced) {
        return record(produced.key(), produced.value(), produced.headers().toArray());
    }

    static Header header(String name, String value) {
        return new RecordHeader(name, value == null ? null : utf8(value));
    }

    /**
     * The headers of a valid binary-mode event (spec version, id, source, type) changed by {@code changes}, pairs
     * of name and value: a value replaces the header's or adds it, {@code null} removes the header.
     */
    static Header[] binaryHeaders(String... changes) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "order-1");
        headers.put("ce_source", "/shop/checkout");
        headers.put("ce_type", "com.example.order.placed");
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                headers.remove(changes[i]);
            } else {
                headers.put(changes[i], changes[i + 1]);
            }
        }
        return headers.entrySet().stream().map(e -> header(e.getKey(), e.getValue())).toArray(Header[]::new);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
