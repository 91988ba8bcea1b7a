package dev.tributary.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.GeoLocation;
import dev.tributary.schemas.StorageEventKind;
import dev.tributary.schemas.StorageObjectEvent;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    static final Schema ORDER = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "namespace": "test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "amount", "type": "long"}
            ]}""");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    static DeviceTelemetry telemetry() {
        return DeviceTelemetry.newBuilder()
                .setDeviceId("pump-7")
                .setTimestamp(Instant.parse("2026-03-01T10:15:30.123Z"))
                .setMetrics(Map.of("temperature_c", 21.5, "battery_pct", 87.0))
                .setLocation(GeoLocation.newBuilder().setLat(52.52).setLon(13.405).build())
                .build();
    }

    static GenericRecord order(String id, long amount) {
        GenericRecord order = new GenericData.Record(ORDER);
        order.put("id", id);
        order.put("amount", amount);
        return order;
    }

    @Test
    void theWireFormatIsMagicByteZeroThenTheBigEndianSchemaIdThenTheAvroBody() throws Exception {
        registry.register("unrelated", Schema.create(Schema.Type.STRING));  // so that the id is not 1
        var serializer = new AvroSerializer<GenericRecord>(registry, Map.of(), false);

        byte[] bytes = serializer.serialize("orders", order("o-1", 250));

        int id = registry.getId("orders-value", ORDER);
        assertThat(id).isEqualTo(2);
        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, 2);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        GenericRecord body = new GenericDatumReader<GenericRecord>(ORDER)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(body.get("id").toString()).isEqualTo("o-1");
        assertThat(body.get("amount")).isEqualTo(250L);
    }

    @Test
    void generatedRecordsRoundTripWithTheirLogicalTypes() {
        var serializer = new AvroSerializer<DeviceTelemetry>(registry, Map.of(), false);
        var deserializer = AvroDeserializer.specific(registry, DeviceTelemetry.class);

        DeviceTelemetry read = deserializer.deserialize("telemetry", serializer.serialize("telemetry", telemetry()));

        assertThat(read).isEqualTo(telemetry());
        assertThat(read.getTimestamp()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
        assertThat(read.getLocation().getAltitude()).isNull();
    }

    @Test
    void theSpecificReaderFindsTheGeneratedClassByTheWriterSchemasName() {
        var serializer = new AvroSerializer<Object>(registry, Map.of(), false);
        var deserializer = new AvroDeserializer<Object>(registry, Map.of("specific.avro.reader", true), false);
        StorageObjectEvent event = StorageObjectEvent.newBuilder().setBucket("b").setKey("k/1.csv").setSize(10)
                .setEtag("abc").setKind(StorageEventKind.CREATED).setTime(Instant.ofEpochMilli(1_000)).build();

        Object read = deserializer.deserialize("objects", serializer.serialize("objects", event));

        assertThat(read).isInstanceOf(StorageObjectEvent.class).isEqualTo(event);
    }

    @Test
    void genericRecordsRoundTrip() {
        var serializer = new AvroSerializer<GenericRecord>(registry, Map.of(), false);
        var deserializer = new AvroDeserializer<GenericRecord>(registry, Map.of(), false);

        GenericRecord read = deserializer.deserialize("orders", serializer.serialize("orders", order("o-2", 99)));

        assertThat(read).isEqualTo(order("o-2", 99));
    }

    @Test
    void aGeneratedRecordIsReadAsGenericWithoutTheSpecificReader() {
        var serializer = new AvroSerializer<DeviceTelemetry>(registry, Map.of(), false);
        var deserializer = new AvroDeserializer<GenericRecord>(registry, Map.of(), false);

        GenericRecord read = deserializer.deserialize("telemetry", serializer.serialize("telemetry", telemetry()));

        assertThat(read.get("deviceId").toString()).isEqualTo("pump-7");
        assertThat(read.get("timestamp")).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z").toEpochMilli());
    }

    @Test
    void keysAndValuesAreRegisteredUnderTheirTopicSubjects() {
        new AvroSerializer<GenericRecord>(registry, Map.of(), true).serialize("orders", order("k", 1));
        new AvroSerializer<GenericRecord>(registry, Map.of(), false).serialize("orders", order("v", 1));

        assertThat(registry.subjects()).containsExactlyInAnyOrder("orders-key", "orders-value");
    }

    @Test
    void theConfiguredSubjectNameStrategyNamesTheSubject() {
        new AvroSerializer<GenericRecord>(registry, Map.of("value.subject.name.strategy",
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false)
                .serialize("orders", order("v", 1));

        assertThat(registry.subjects()).containsExactly("orders-test.Order");
    }

    @Test
    void withoutAutoRegistrationARegisteredSchemaIsLookedUp() {
        int id = registry.register("orders-value", ORDER);
        var serializer = new AvroSerializer<GenericRecord>(registry, Map.of("auto.register.schemas", false), false);

        byte[] bytes = serializer.serialize("orders", order("o-3", 5));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaFailsAndSaysHowToFixIt() {
        var serializer = new AvroSerializer<GenericRecord>(registry, Map.of("auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize("orders", order("o-4", 5)))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED);
                    assertThat(e.topic()).isEqualTo("orders");
                })
                .hasMessageContaining("topic orders: schema test.Order is not registered under subject orders-value")
                .hasMessageContaining("auto.register.schemas=true");
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void nullStaysNullBothWays() {
        assertThat(new AvroSerializer<GenericRecord>(registry, Map.of(), false).serialize("orders", null)).isNull();
        assertThat(new AvroDeserializer<GenericRecord>(registry, Map.of(), false).deserialize("orders", null)).isNull();
    }

    @Test
    void aValueThatIsNotAvroIsRejectedNamingItsClass() {
        var serializer = new AvroSerializer<Object>(registry, Map.of(), false);

        assertThatThrownBy(() -> serializer.serialize("orders", "plain text"))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.NOT_AVRO))
                .hasMessageContaining("java.lang.String is not an Avro value");
    }

    @Test
    void aValueThatBreaksItsSchemaIsRejectedNamingTheSchema() {
        GenericRecord missingId = new GenericData.Record(ORDER);
        missingId.put("amount", 1L);
        var serializer = new AvroSerializer<GenericRecord>(registry, Map.of(), false);

        assertThatThrownBy(() -> serializer.serialize("orders", missingId))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.INVALID_VALUE))
                .hasMessageContaining("does not match its schema test.Order");
    }
}
