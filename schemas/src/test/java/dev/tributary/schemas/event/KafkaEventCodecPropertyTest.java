package dev.tributary.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * Whatever a record holds, decoding it gives an event or a {@link MalformedEventException}, never another
 * exception: the dispatcher relies on this to dead-letter instead of crashing its partition.
 */
class KafkaEventCodecPropertyTest {

    /**
     * Seed of the generated records. The cases are drawn in order from one generator, so every run with this seed
     * sees the same records: a failure message includes the case index and seed so it can be replayed.
     */
    private static final long SEED = 7_301_853L;
    private static final int CASES = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Names and values close to the valid ones, so that generated records get past the first checks. */
    private static final List<String> HEADER_NAMES = List.of("ce_specversion", "ce_id", "ce_source", "ce_type",
            "ce_time", "ce_subject", "ce_dataschema", "ce_schemaurl", "ce_partitionkey", "ce_traceparent",
            "ce_datacontenttype", "ce_", "ce_Bad-Name", "content-type", "x-other");
    private static final List<String> MEMBER_NAMES = List.of("specversion", "id", "source", "type", "time",
            "subject", "dataschema", "datacontenttype", "datacontentencoding", "data", "data_base64", "partitionkey",
            "traceparent", "Bad-Name", "averyveryverylongextensionname");
    private static final List<String> VALUES = List.of("1.0", "0.3", "0.1", "", "order-1", "/shop", "a b",
            "2024-01-31T09:30:00Z", "2024-13-01", "application/json", "text/plain", "base64", "aGk=", "not base64",
            "application/cloudevents+json", "application/cloudevents+json; charset=latin1",
            "application/cloudevents+avro", "https://example.com/s.json", "http://[::1");
    private static final List<String> STRUCTURED_TYPES =
            List.of("application/cloudevents+json", "Application/CloudEvents+JSON; charset=UTF-8");

    private final KafkaEventCodec codec = new KafkaEventCodec();
    private final Random random = new Random(SEED);

    @Test
    void anyRecordDecodesOrIsMalformed() {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int index = 0; index < CASES; index++) {
            ConsumerRecord<byte[], byte[]> record = record();
            try {
                outcomes.merge(outcome(record), 1, Integer::sum);
            } catch (Throwable e) {
                fail("case %d of seed %d failed: %s%n  record: %s".formatted(index, SEED, e, describe(record)), e);
            }
        }
        // Generated records must reach every outcome, or the property proves little.
        assertThat(outcomes).as("outcomes of %d cases with seed %d", CASES, SEED)
                .containsKeys("BINARY", "STRUCTURED", "PLAIN", "MALFORMED");
    }

    private String outcome(ConsumerRecord<byte[], byte[]> record) {
        try {
            KafkaEvent event = codec.decode(record);
            assertThat(event.cloudEvent().getId()).isNotEmpty();
            return event.contentMode().name();
        } catch (MalformedEventException e) {
            assertThat(e.getMessage()).matches("(header .+|body|body attribute .+): .+")
                    .doesNotContain("\n").endsWith(e.problem());
            return "MALFORMED";
        }
    }

    /** Valid binary and structured events with a few changes each, and records of arbitrary headers and bytes. */
    private ConsumerRecord<byte[], byte[]> record() {
        int kind = random.nextInt(3);
        List<Header> headers = switch (kind) {
            // About half the binary records lose one of the four required headers.
            case 0 -> changed(List.of(TestRecords.binaryHeaders()), headers(3), random.nextInt(8));
            case 1 -> changed(List.of(TestRecords.header("content-type", pick(STRUCTURED_TYPES))), headers(3), -1);
            default -> headers(10);
        };
        byte[] key = random.nextBoolean() ? null : bytes(4);
        byte[] value = random.nextInt(20) == 0 ? null : kind == 1 || random.nextBoolean() ? json() : bytes(64);
        long timestamp = random.nextInt(10) == 0 ? -1 : random.nextLong(0, 4_102_444_800_001L);
        return TestRecords.record(timestamp, key, value, headers.toArray(Header[]::new));
    }

    /** {@code headers} without the one at index {@code dropped}, if there is one, and with {@code added}. */
    private static List<Header> changed(List<Header> headers, List<Header> added, int dropped) {
        List<Header> changed = new ArrayList<>(headers);
        if (dropped >= 0 && dropped < changed.size()) {
            changed.remove(dropped);
        }
        changed.addAll(added);
        return changed;
    }

    private List<Header> headers(int maxSize) {
        List<Header> headers = new ArrayList<>();
        for (int i = random.nextInt(maxSize + 1); i > 0; i--) {
            String name = random.nextBoolean() ? pick(HEADER_NAMES) : string(12);
            byte[] value = random.nextInt(20) == 0 ? null
                    : random.nextBoolean() ? TestRecords.utf8(pick(VALUES)) : bytes(8);
            headers.add(new RecordHeader(name, value));
        }
        return headers;
    }

    /** Valid structured events with some members added, replaced or dropped, sometimes cut short. */
    private byte[] json() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("specversion", "1.0");
        members.put("id", "order-1");
        members.put("source", "/shop");
        members.put("type", "order.placed");
        members.remove(pick(MEMBER_NAMES));
        for (int i = random.nextInt(5); i > 0; i--) {
            members.put(pick(MEMBER_NAMES), switch (random.nextInt(8)) {
                case 0 -> pick(VALUES);
                case 1 -> string(10);
                case 2 -> random.nextInt();
                case 3 -> random.nextLong();
                case 4 -> random.nextGaussian() * Math.pow(10, random.nextInt(-3, 20));
                case 5 -> random.nextBoolean();
                case 6 -> null;
                default -> Map.of("a", List.of(1, "b"));
            });
        }
        byte[] bytes = write(members);
        return random.nextInt(6) == 0 ? Arrays.copyOf(bytes, bytes.length / 2) : bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private byte[] bytes(int maxSize) {
        byte[] bytes = new byte[random.nextInt(maxSize + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Mostly printable ASCII, sometimes any character outside the surrogates. */
    private String string(int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            int c = random.nextInt(4) == 0 ? random.nextInt(Character.MAX_VALUE + 1) : random.nextInt(' ', '~' + 1);
            text.append(Character.isSurrogate((char) c) ? '?' : (char) c);
        }
        return text.toString();
    }

    private static byte[] write(Map<String, Object> members) {
        try {
            return JSON.writeValueAsBytes(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(ConsumerRecord<byte[], byte[]> record) {
        return "timestamp=%d, key=%s, value=%s, headers=%s".formatted(record.timestamp(), show(record.key()),
                show(record.value()), Arrays.stream(record.headers().toArray())
                        .map(h -> show(TestRecords.utf8(h.key())) + "=" + show(h.value())).toList());
    }

    /** Quoted text if {@code bytes} are printable UTF-8, hex otherwise. */
    private static String show(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        String text = TestRecords.text(bytes);
        boolean printable = Arrays.equals(TestRecords.utf8(text), bytes)
                && text.chars().noneMatch(Character::isISOControl);
        return printable ? '"' + text + '"' : "0x" + HexFormat.of().formatHex(bytes);
    }
}
