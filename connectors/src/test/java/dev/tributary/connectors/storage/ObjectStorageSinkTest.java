package dev.tributary.connectors.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.storage.internal.StorageSettings;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.FunctionTester;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.TestEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sink as a function, run by the SDK's tester against a bucket in memory: settings, names, lines, failures. */
class ObjectStorageSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryStore store = new InMemoryStore();

    private static Map<String, Object> config(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(Map.of("bucket", "fleet-archive", "accessKeyId", "AKIA1",
                "secretAccessKey", "s3cret", "maxRecords", 1));
        config.putAll(settings);
        config.values().removeIf(value -> value.equals(""));
        return config;
    }

    private FunctionTester<byte[]> sink(Map<String, Object> settings) {
        ObjectStorageSink sink = new ObjectStorageSink(Clock.systemUTC(), read -> store);
        return FunctionTester.of(sink).functionName("archive").config(config(settings)).timeout(Duration.ofSeconds(10));
    }

    private static StorageSettings read(Map<String, Object> settings) {
        return StorageSettings.read(new FunctionConfig("archive", config(settings)));
    }

    @Test
    void anEventIsOneCloudEventJsonLineInAnObjectNamedByItsTopicPartitionAndOffset() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of("prefix", "/telemetry/raw/"))) {
            FunctionTester.Result result = tester.send(TestEvent.builder("{\n  \"celsius\": 21.50\n}"
                            .getBytes(StandardCharsets.UTF_8))
                    .id("r-42").source(URI.create("mqtt://devices/d-7")).type("com.example.reading")
                    .subject("room-1").time(OffsetDateTime.parse("2026-11-23T10:00:00Z"))
                    .dataContentType("application/json").key("d-7")
                    .topic("readings").partition(3).offset(42).build());

            assertThat(result.succeeded()).isTrue();
        }
        assertThat(store.names()).containsExactly(
                "telemetry/raw/readings/3/0000000000000000042-0000000000000000042.jsonl");
        InMemoryStore.Put put = store.stored().get(0);
        assertThat(put.text()).as("one line, pretty-printed data included").hasLineCount(1).endsWith("}\n");
        JsonNode line = JSON.readTree(put.lines().get(0));
        assertThat(line.path("specversion").asText()).isEqualTo("1.0");
        assertThat(line.path("id").asText()).isEqualTo("r-42");
        assertThat(line.path("source").asText()).isEqualTo("mqtt://devices/d-7");
        assertThat(line.path("type").asText()).isEqualTo("com.example.reading");
        assertThat(line.path("subject").asText()).isEqualTo("room-1");
        assertThat(line.path("time").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(line.path("partitionkey").asText()).isEqualTo("d-7");
        assertThat(put.lines().get(0)).as("the data's digits as they were").contains("\"celsius\": 21.50");
    }

    @Test
    void dataThatIsNotJsonIsKeptAsTextOrBase64() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            tester.send(TestEvent.builder("line one\nline two".getBytes(StandardCharsets.UTF_8))
                    .dataContentType("text/plain").offset(1).build());
            tester.send(TestEvent.builder(new byte[] {0, (byte) 0xff}).dataContentType("application/octet-stream")
                    .offset(2).build());
        }
        assertThat(store.stored()).hasSize(2).allSatisfy(put -> assertThat(put.lines()).hasSize(1));
        assertThat(JSON.readTree(store.stored().get(0).lines().get(0)).path("data").asText())
                .isEqualTo("line one\nline two");
        assertThat(JSON.readTree(store.stored().get(1).lines().get(0)).path("data_base64").asText()).isEqualTo("AP8=");
    }

    @Test
    void aWriteTheStoreMayTakeLaterFailsTheEventRetryablyAndARefusalOfTheObjectDoesNot() throws Exception {
        store.failNext(new OverloadedException("SlowDown")).failNext(new NonRetryableException("EntityTooLarge"));
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            FunctionTester.Result slowDown = tester.send(TestEvent.of("{}".getBytes(StandardCharsets.UTF_8)));
            FunctionTester.Result refused = tester.send(TestEvent.of("{}".getBytes(StandardCharsets.UTF_8)));

            assertThat(slowDown.retryable()).isTrue();
            assertThat(slowDown.failure()).containsInstanceOf(OverloadedException.class);
            assertThat(refused.retryable()).isFalse();
        }
        assertThat(store.names()).isEmpty();
        assertThat(store.isClosed()).as("closing the sink closes the store").isTrue();
    }

    @Test
    void readsEverySettingWithItsDefault() {
        StorageSettings defaults = read(Map.of("maxRecords", ""));

        assertThat(defaults.endpoint()).isEmpty();
        assertThat(defaults.region()).isEqualTo("us-east-1");
        assertThat(defaults.prefix()).isEmpty();
        assertThat(defaults.pathStyleAccess()).isTrue();
        assertThat(defaults.format()).isEqualTo(ObjectFormat.JSONL);
        assertThat(defaults.maxRecords()).isEqualTo(100);
        assertThat(defaults.maxBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(defaults.maxAge()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.toString()).doesNotContain("s3cret");

        StorageSettings given = read(Map.of("endpoint", "http://minio.internal:9000", "region", "eu-central-1",
                "maxBytes", "512KiB", "maxAge", "250ms", "pathStyleAccess", false, "sessionToken", "t0k3n"));
        assertThat(given.endpoint()).contains(URI.create("http://minio.internal:9000"));
        assertThat(given.maxBytes()).isEqualTo(512 * 1024);
        assertThat(given.maxAge()).isEqualTo(Duration.ofMillis(250));
        assertThat(given.sessionToken()).contains("t0k3n");
        assertThat(given.destination()).isEqualTo("s3://fleet-archive/ at http://minio.internal:9000");
    }

    @Test
    void refusesSettingsThatAreMissingOrNotAllowedNamingTheirPath() {
        assertThatThrownBy(() -> read(Map.of("bucket", "")))
                .hasMessageStartingWith("functions[archive].config.bucket is required");
        assertThatThrownBy(() -> read(Map.of("bucket", "Fleet_Archive")))
                .hasMessageStartingWith("functions[archive].config.bucket: 'Fleet_Archive' is not a bucket name");
        assertThatThrownBy(() -> read(Map.of("secretAccessKey", "")))
                .hasMessageStartingWith("functions[archive].config.secretAccessKey is required");
        assertThatThrownBy(() -> read(Map.of("secretAccessKey", "  ")))
                .hasMessageStartingWith("functions[archive].config.secretAccessKey: is empty");
        assertThatThrownBy(() -> read(Map.of("endpoint", "minio:9000")))
                .hasMessage("functions[archive].config.endpoint: 'minio:9000' is not an absolute http or https URL,"
                        + " such as http://minio.internal:9000");
        assertThatThrownBy(() -> read(Map.of("maxBytes", "8MB")))
                .hasMessage("functions[archive].config.maxBytes: '8MB' is not a size: use a number of bytes, or a"
                        + " number and KiB, MiB or GiB, such as 8MiB");
        assertThatThrownBy(() -> read(Map.of("maxBytes", "2GiB")))
                .hasMessageStartingWith("functions[archive].config.maxBytes: 2GiB is out of range");
        assertThatThrownBy(() -> read(Map.of("maxRecords", 0)))
                .hasMessage("functions[archive].config.maxRecords: 0 is out of range; use 1..10000");
        assertThatThrownBy(() -> read(Map.of("format", "avro")))
                .hasMessage("functions[archive].config.format: 'avro' is not one of jsonl");
        assertThatThrownBy(() -> read(Map.of("prefix", "a\nb")))
                .hasMessageStartingWith("functions[archive].config.prefix: has a control character");
        assertThatThrownBy(() -> read(Map.of("bucketName", "x")))
                .hasMessageStartingWith("functions[archive].config.bucketName is not a setting of ObjectStorageSink");
    }

    @Test
    void aSinkThatCannotOpenItsStoreDoesNotStart() {
        ObjectStorageSink sink = new ObjectStorageSink(Clock.systemUTC(), settings -> {
            throw new IllegalArgumentException("functions[archive].config.bucket: bucket fleet-archive does not exist");
        });

        assertThatThrownBy(() -> sink.open(new FunctionConfig("archive", config(Map.of()))))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> sink.handle(TestEvent.of(new byte[0]), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was not opened");
    }
}
