package dev.tributary.ingest.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.PublishException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaErrorsTest {

    static Iterable<Arguments> errors() {
        return List.of(
                Arguments.of(new TimeoutException("Expiring 1 record(s)"), Reason.UNAVAILABLE),
                Arguments.of(new NotEnoughReplicasException("1 of 3 in sync"), Reason.UNAVAILABLE),
                Arguments.of(new RecordBatchTooLargeException("too large"), Reason.TOO_LARGE),
                Arguments.of(new InvalidRecordException("Compacted topic cannot accept message without key"),
                        Reason.INVALID),
                Arguments.of(new TopicAuthorizationException("not authorized"), Reason.REJECTED),
                Arguments.of(new IllegalStateException("Cannot perform operation after producer has been closed"),
                        Reason.CLOSED));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("errors")
    void producerErrorsBecomeWhatTheClientMayDo(Exception error, Reason reason) {
        PublishException failure = KafkaErrors.classify(error, Duration.ofSeconds(10));

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.getMessage()).contains(error.getMessage());
        assertThat(failure.getCause()).isSameAs(error);
    }

    @Test
    void aWrappedErrorIsClassifiedByItsCause() {
        assertThat(KafkaErrors.classify(new CompletionException(new TimeoutException("late")), Duration.ofSeconds(1))
                .reason()).isEqualTo(Reason.UNAVAILABLE);
    }
}
