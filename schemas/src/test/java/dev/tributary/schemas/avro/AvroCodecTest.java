package dev.tributary.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void theContentTypeIsApplicationAvro() {
        assertThat(AvroCodec.generic(registry, Map.of()).contentType()).isEqualTo("application/avro");
    }

    @Test
    void aSpecificCodecDecodesWhatItEncodes() {
        AvroCodec<DeviceTelemetry> codec = AvroCodec.specific(registry, DeviceTelemetry.class, Map.of());

        assertThat(codec.decode("telemetry", codec.encode("telemetry", AvroSerdeTest.telemetry())))
                .isEqualTo(AvroSerdeTest.telemetry());
    }

    @Test
    void aGenericCodecDecodesWhatItEncodes() {
        AvroCodec<GenericRecord> codec = AvroCodec.generic(registry, Map.of());

        assertThat(codec.decode("orders", codec.encode("orders", AvroSerdeTest.order("o", 3))))
                .isEqualTo(AvroSerdeTest.order("o", 3));
    }

    @Test
    void malformedDataIsADataCodecExceptionCarryingTheReason() {
        AvroCodec<GenericRecord> codec = AvroCodec.generic(registry, Map.of());

        assertThatThrownBy(() -> codec.decode("orders", new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(DataCodecException.class)
                .hasMessageStartingWith("application/avro codec: topic orders: the data starts with byte 0x01")
                .cause().isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.UNKNOWN_MAGIC_BYTE));
    }

    @Test
    void anEncodingFailureIsADataCodecException() {
        AvroCodec<GenericRecord> codec = AvroCodec.generic(registry, Map.of("auto.register.schemas", false));

        assertThatThrownBy(() -> codec.encode("orders", AvroSerdeTest.order("o", 3)))
                .isInstanceOf(DataCodecException.class)
                .hasMessageContaining("is not registered under subject orders-value");
    }
}
