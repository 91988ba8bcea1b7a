package dev.tributary.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
}
