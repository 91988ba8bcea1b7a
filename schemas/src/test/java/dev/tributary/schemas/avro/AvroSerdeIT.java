package dev.tributary.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.SchemaRegistryUrl;
import dev.tributary.testkit.WithLocalKafka;
import dev.tributary.testkit.WithSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The serdes between a real Kafka broker and a real registry, configured the way Kafka configures them. */
@WithSchemaRegistry
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class AvroSerdeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static String newTopic(String bootstrap, String purpose) {
        String topic = "avro-" + purpose + "-" + UUID.randomUUID();
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        return topic;
    }

    private static <V> void produce(String bootstrap, String registry, String topic, List<V> values,
                                    Map<String, Object> serializerConfig) throws Exception {
        Map<String, Object> config = new HashMap<>(serializerConfig);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry);
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config)) {
            for (V value : values) {
                producer.send(new ProducerRecord<>(topic, "key", value)).get();
            }
        }
    }

    /** The first {@code count} records of {@code topic}, read with {@code valueDeserializer} as Kafka builds it. */
    private static <V> List<V> consume(String bootstrap, String topic, int count, Class<?> valueDeserializer,
                                       Map<String, Object> deserializerConfig) {
        Map<String, Object> config = new HashMap<>(deserializerConfig);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, V> r) -> values.add(r.value()));
                return values.size() >= count;
            });
        }
        return values;
    }

    private static DeviceTelemetry telemetry(String device) {
        return DeviceTelemetry.newBuilder(AvroSerdeTest.telemetry()).setDeviceId(device).build();
    }

    @Test
    void generatedRecordsRoundTripThroughKafka(@BootstrapServers String bootstrap,
                                               @SchemaRegistryUrl String registry) throws Exception {
        String topic = newTopic(bootstrap, "specific");
        List<DeviceTelemetry> sent = List.of(telemetry("a"), telemetry("b"), telemetry("c"));

        produce(bootstrap, registry, topic, sent, Map.of());
        List<DeviceTelemetry> received = consume(bootstrap, topic, 3, AvroDeserializer.class, Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry, AvroSerdeConfig.SPECIFIC_AVRO_READER, true));

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void genericRecordsRoundTripThroughKafka(@BootstrapServers String bootstrap,
                                             @SchemaRegistryUrl String registry) throws Exception {
        String topic = newTopic(bootstrap, "generic");
        List<GenericRecord> sent = List.of(AvroSerdeTest.order("o-1", 10), AvroSerdeTest.order("o-2", 20));

        produce(bootstrap, registry, topic, sent, Map.of());
        List<GenericRecord> received = consume(bootstrap, topic, 2, AvroDeserializer.class,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry));

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void oldDataIsReadWithTheNewerSchemaAfterACompatibleEvolution(@BootstrapServers String bootstrap,
                                                                  @SchemaRegistryUrl String registry)
            throws Exception {
        String topic = newTopic(bootstrap, "evolution");
        Schema beforeLocation = new Schema.Parser().parse("""
                {"type": "record", "name": "DeviceTelemetry", "namespace": "dev.tributary.schemas", "fields": [
                  {"name": "deviceId", "type": "string"},
                  {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "metrics", "type": {"type": "map", "values": "double"}}
                ]}""");
        GenericRecord old = new GenericData.Record(beforeLocation);
        old.put("deviceId", "old-pump");
        old.put("timestamp", 5_000L);
        old.put("metrics", Map.of("rpm", 900.0));

        produce(bootstrap, registry, topic, List.of(old), Map.of());
        // Registers the current schema as version 2 of the subject: the registry's BACKWARD check passes.
        produce(bootstrap, registry, topic, List.of(telemetry("new-pump")), Map.of());
        List<DeviceTelemetry> received = consume(bootstrap, topic, 2, AvroDeserializer.class, Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry,
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, DeviceTelemetry.class.getName()));

        assertThat(received.get(0).getDeviceId()).isEqualTo("old-pump");
        assertThat(received.get(0).getTimestamp()).isEqualTo(Instant.ofEpochMilli(5_000));
        assertThat(received.get(0).getLocation()).isNull();
        assertThat(received.get(1)).isEqualTo(telemetry("new-pump"));
    }

    @Test
    void aConsumerDecodesWithNothingButTheSchemaFetchedByIdOverPlainHttp(@BootstrapServers String bootstrap,
                                                                        @SchemaRegistryUrl String registry)
            throws Exception {
        String topic = newTopic(bootstrap, "wire");
        produce(bootstrap, registry, topic, List.of(AvroSerdeTest.order("o-wire", 77)), Map.of());
        byte[] bytes = AvroSerdeIT.<byte[]>consume(bootstrap, topic, 1, ByteArrayDeserializer.class, Map.of())
                .getFirst();

        assertThat(bytes[0]).as("magic byte").isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        HttpResponse<String> answer;
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(registry + "/schemas/ids/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        Schema writer = new Schema.Parser().parse(new ObjectMapper().readTree(answer.body()).get("schema").asText());
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

        assertThat(writer.getFullName()).isEqualTo("test.Order");
        assertThat(decoded.get("id").toString()).isEqualTo("o-wire");
        assertThat(decoded.get("amount")).isEqualTo(77L);
    }

    @Test
    void withoutAutoRegistrationSendingAnUnregisteredSchemaFails(@BootstrapServers String bootstrap,
                                                                 @SchemaRegistryUrl String registry) {
        String topic = newTopic(bootstrap, "unregistered");

        assertThatThrownBy(() -> produce(bootstrap, registry, topic, List.of(AvroSerdeTest.order("o", 1)),
                Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> assertThat(e.reason())
                        .isEqualTo(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED))
                .hasMessageContaining("is not registered under subject " + topic + "-value");
    }
}
