package dev.tributary.dispatcher.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.dispatcher.stream.StreamFunctionSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    private static final DeadLetterRouting ROUTING = new DeadLetterRouting("averages", Set.of("readings"), () -> { },
            Clock.systemUTC());

    private static StreamFunctionSettings settings(Map<String, Object> kafka) {
        return StreamFunctionSettings.of("averages", List.of("readings"), Optional.of("out"), Path.of("/data"), kafka);
    }

    @Test
    void exactlyOnceTheApplicationIdAndTheStateDirectoryComeFromTributary() {
        Properties properties = StreamsProperties.of(settings(Map.of("bootstrap.servers", "kafka:9092")), ROUTING);

        assertThat(properties).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "tributary.averages")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, Path.of("/data/streams/averages").toAbsolutePath().toString())
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName())
                .containsEntry(DeadLetterRouting.CONFIG, ROUTING)
                .doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }

    @Test
    void kafkaPropertiesPassThroughAndTheSettingsDefineCommitIntervalAndReplication() {
        Properties properties = StreamsProperties.of(settings(Map.of("bootstrap.servers", "kafka:9092",
                        "num.stream.threads", 2, "security.protocol", "SSL"))
                .withCommitInterval(Duration.ofMillis(250)).withReplicationFactor(3), ROUTING);

        assertThat(properties).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("num.stream.threads", 2)
                .containsEntry("security.protocol", "SSL")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250L)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
        assertThat(new StreamsConfig(properties).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo("exactly_once_v2");
    }

    @Test
    void aPropertyThatSetsWhatTributaryDecidesIsRejectedWithWhereItBelongs() {
        assertThatThrownBy(() -> StreamsProperties.of(settings(Map.of("processing.guarantee", "at_least_once")), ROUTING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream function averages: the Kafka property processing.guarantee is Tributary's to set"
                        + " (stream functions always run exactly_once_v2); remove it");
        assertThatThrownBy(() -> StreamsProperties.of(settings(Map.of("state.dir", "/tmp")), ROUTING))
                .hasMessageContaining("set the settings' stateDir");
        assertThatThrownBy(() -> StreamsProperties.of(settings(Map.of("application.id", "mine")), ROUTING))
                .hasMessageContaining("application.id");
    }
}
