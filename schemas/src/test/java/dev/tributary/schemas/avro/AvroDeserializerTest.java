package dev.tributary.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.avro.AvroSerdeException.Reason;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import dev.tributary.schemas.registry.SchemaRegistryException;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Bytes that are not what the wire format promises. */
class AvroDeserializerTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry, Map.of(), false);

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] data, Reason reason) {
        return assertThatThrownBy(() -> deserializer.deserialize("payments", data))
                .isInstanceOf(SerializationException.class)
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.topic()).isEqualTo("payments");
                })
                .hasMessageStartingWith("topic payments: ");
    }

    @Test
    void dataShorterThanTheHeaderIsRejectedAsTooShort() {
        assertRejected(new byte[] {0, 0, 0, 1}, Reason.TOO_SHORT).hasMessageContaining("the data has 4 bytes");
        assertRejected(new byte[0], Reason.TOO_SHORT).hasMessageContaining("the data has 0 bytes");
    }

    @Test
    void aWrongMagicByteIsRejectedShowingTheByte() {
        assertRejected("{\"id\":1}".getBytes(), Reason.UNKNOWN_MAGIC_BYTE)
                .hasMessageContaining("starts with byte 0x7b, not the Confluent wire format's magic byte 0x00");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsRejectedAsUnknown() {
        assertRejected(new byte[] {0, 0, 0, 0, 42, 2}, Reason.UNKNOWN_SCHEMA_ID)
                .hasMessageContaining("schema id 42 is not in the registry");
    }

    @Test
    void aTruncatedBodyIsRejectedAsMalformed() {
        byte[] complete = new AvroSerializer<GenericRecord>(registry, Map.of(), false)
                .serialize("payments", AvroSerdeTest.order("a-rather-long-order-id", 1_000_000));

        assertRejected(Arrays.copyOf(complete, complete.length - 8), Reason.MALFORMED_DATA)
                .hasMessageContaining("does not decode with writer schema id");
    }

    @Test
    void theSpecificReaderWithoutAGeneratedClassIsRejectedNamingTheSchema() {
        byte[] data = new AvroSerializer<GenericRecord>(registry, Map.of(), false)
                .serialize("payments", AvroSerdeTest.order("o", 1));
        var specific = new AvroDeserializer<Object>(registry, Map.of("specific.avro.reader", true), false);

        assertThatThrownBy(() -> specific.deserialize("payments", data))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_READER_CLASS))
                .hasMessageContaining("no generated class test.Order");
    }

    @Test
    void aRegistryThatCannotBeReachedIsRetriable() {
        var unreachable = new InMemorySchemaRegistry() {
            @Override
            public synchronized Schema getById(int id) {
                throw new SchemaRegistryException("down", SchemaRegistryException.NO_RESPONSE,
                        SchemaRegistryException.NO_RESPONSE, "", null);
            }
        };
        var reader = new AvroDeserializer<GenericRecord>(unreachable, Map.of(), false);

        assertThatThrownBy(() -> reader.deserialize("payments", new byte[] {0, 0, 0, 0, 1}))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);
                    assertThat(e.reason().retriable()).isTrue();
                });
    }
}
