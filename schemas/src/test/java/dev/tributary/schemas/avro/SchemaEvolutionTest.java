package dev.tributary.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Data written with an older schema, read with a newer one. */
class SchemaEvolutionTest {

    /** DeviceTelemetry as it might have been before {@code location} was added. */
    private static final Schema TELEMETRY_BEFORE_LOCATION = new Schema.Parser().parse("""
            {"type": "record", "name": "DeviceTelemetry", "namespace": "dev.tributary.schemas", "fields": [
              {"name": "deviceId", "type": "string"},
              {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "metrics", "type": {"type": "map", "values": "double"}}
            ]}""");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    private byte[] writtenBeforeLocation() {
        GenericRecord old = new GenericData.Record(TELEMETRY_BEFORE_LOCATION);
        old.put("deviceId", "pump-7");
        old.put("timestamp", 1_000L);
        old.put("metrics", Map.of("rpm", 1200.0));
        return new AvroSerializer<GenericRecord>(registry, Map.of(), false).serialize("telemetry", old);
    }

    @Test
    void aGeneratedClassReadsDataWrittenBeforeItsNewestFieldWhichTakesItsDefault() {
        byte[] old = writtenBeforeLocation();

        DeviceTelemetry read = AvroDeserializer.specific(registry, DeviceTelemetry.class).deserialize("telemetry", old);

        assertThat(read.getDeviceId()).isEqualTo("pump-7");
        assertThat(read.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(read.getMetrics()).containsEntry("rpm", 1200.0);
        assertThat(read.getLocation()).isNull();
    }

    @Test
    void aGenericReaderSchemaSeesOldDataInTheNewShapeWithDefaults() {
        Schema newer = new Schema.Parser().parse(TELEMETRY_BEFORE_LOCATION.toString()
                .replace("]}", ",{\"name\":\"firmware\",\"type\":\"string\",\"default\":\"unknown\"}]}"));
        byte[] old = writtenBeforeLocation();

        GenericRecord read = AvroDeserializer.generic(registry, newer).deserialize("telemetry", old);

        assertThat(read.getSchema()).isEqualTo(newer);
        assertThat(read.get("firmware").toString()).isEqualTo("unknown");
        assertThat(read.get("deviceId").toString()).isEqualTo("pump-7");
    }

    @Test
    void aReaderThatCannotResolveTheWriterSchemaIsRejectedWithTheIncompatibility() {
        Schema needsFirmware = new Schema.Parser().parse(TELEMETRY_BEFORE_LOCATION.toString()
                .replace("]}", ",{\"name\":\"firmware\",\"type\":\"string\"}]}"));
        byte[] old = writtenBeforeLocation();
        var deserializer = AvroDeserializer.generic(registry, needsFirmware);

        assertThatThrownBy(() -> deserializer.deserialize("telemetry", old))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.INCOMPATIBLE_READER))
                .hasMessageContaining("cannot read data written with schema id")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("firmware");
    }
}
