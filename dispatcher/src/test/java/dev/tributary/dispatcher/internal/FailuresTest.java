package dev.tributary.dispatcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import dev.tributary.schemas.registry.SchemaRegistryException;
import dev.tributary.sdk.NonRetryableException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void dataThatDoesNotDecodeIsFinal() {
        DataCodecException notAvro = decodeFailure(new InMemorySchemaRegistry(), new byte[] {'{', '}'});

        assertThat(Failures.retryable(new CompletionException(notAvro))).isFalse();
    }

    @Test
    void aSchemaRegistryThatDoesNotAnswerIsRetriedRatherThanDeadLettered() {
        InMemorySchemaRegistry down = new InMemorySchemaRegistry() {
            @Override
            public synchronized Schema getById(int id) {
                throw new SchemaRegistryException("down", SchemaRegistryException.NO_RESPONSE,
                        SchemaRegistryException.NO_RESPONSE, "", null);
            }
        };

        DataCodecException unavailable = decodeFailure(down, new byte[] {0, 0, 0, 0, 1, 2});

        assertThat(unavailable.retriable()).isTrue();
        assertThat(Failures.retryable(new CompletionException(unavailable))).isTrue();
    }

    @Test
    void aFailureTheFunctionDeclaredFinalIsFinal() {
        assertThat(Failures.retryable(new NonRetryableException("no"))).isFalse();
        assertThat(Failures.retryable(new IllegalStateException("maybe later"))).isTrue();
    }

    private static DataCodecException decodeFailure(InMemorySchemaRegistry registry, byte[] data) {
        try {
            AvroCodec.specific(registry, DeviceTelemetry.class, Map.of()).decode("readings", data);
        } catch (DataCodecException e) {
            return e;
        }
        throw new AssertionError("decoding " + data.length + " bytes did not fail");
    }
}
