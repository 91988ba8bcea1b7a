package dev.tributary.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class DataTypeTest {

    record Reading(String device, double value) {
    }

    static final class Bytes implements EventFunction<byte[]> {
        public void handle(Event<byte[]> event, Context context) {
        }
    }

    static final class Json implements AsyncEventFunction<Reading> {
        public CompletionStage<Void> handle(Event<Reading> event, Context context) {
            return null;
        }
    }

    abstract static class Base implements EventFunction<JsonNode> {
    }

    static final class Derived extends Base {
        public void handle(Event<JsonNode> event, Context context) {
        }
    }

    @SuppressWarnings("rawtypes")
    static final class Raw implements EventFunction {
        public void handle(Event event, Context context) {
        }
    }

    @Test
    void theTypeArgumentChoosesTheDecoding() {
        assertThat(DataType.ofFunction(Bytes.class)).isEqualTo(new DataType<>(byte[].class, DataType.Kind.BYTES));
        assertThat(DataType.ofFunction(Json.class)).isEqualTo(new DataType<>(Reading.class, DataType.Kind.JSON));
        assertThat(DataType.ofFunction(Derived.class).kind()).isEqualTo(DataType.Kind.JSON_TREE);
        assertThat(DataType.of(String.class).kind()).isEqualTo(DataType.Kind.TEXT);
        assertThat(DataType.of(GenericRecord.class).kind()).isEqualTo(DataType.Kind.AVRO_GENERIC);
    }

    @Test
    void aFunctionWithoutAConcreteTypeIsRejectedWithTheFix() {
        assertThatThrownBy(() -> DataType.ofFunction(Raw.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EventFunction<byte[]>");
        assertThatThrownBy(() -> DataType.ofFunction(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void avroDataIsReadThroughTheSchemaRegistryWithTheWritersSchema() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        DeviceTelemetry reading = new DeviceTelemetry("pump-7", Instant.parse("2026-01-01T10:00:00Z"),
                Map.of("temperature_c", 21.5), null);
        byte[] written = AvroCodec.anyRecord(registry, Map.of()).encode("readings", reading);

        assertThat(DataType.of(DeviceTelemetry.class).codec(Optional.of(registry)).decode("readings", written))
                .isEqualTo(reading);
        GenericRecord generic = DataType.of(GenericRecord.class).codec(Optional.of(registry)).decode("readings", written);
        assertThat(generic.get("deviceId")).hasToString("pump-7");
    }

    @Test
    void avroDataWithoutASchemaRegistryIsRefusedWithTheSetting() {
        assertThatThrownBy(() -> DataType.of(DeviceTelemetry.class).codec(Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DeviceTelemetry.class.getName())
                .hasMessageContaining("registry.url");
        assertThat(DataType.of(Reading.class).codec(Optional.empty()).contentType()).isEqualTo("application/json");
    }
}
