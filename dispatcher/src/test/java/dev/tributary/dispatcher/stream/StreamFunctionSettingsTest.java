package dev.tributary.dispatcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamFunctionSettingsTest {

    private static final Path DATA = Path.of("/var/lib/tributary");

    @Test
    void defaultsPutTheStateUnderTheDataDirectoryAndLeaveTheRestToKafka() {
        StreamFunctionSettings settings = StreamFunctionSettings.of("averages", List.of("readings"),
                Optional.of("reading-averages"), DATA, Map.of("bootstrap.servers", "kafka:9092"));

        assertThat(settings.applicationId()).isEqualTo("tributary.averages");
        assertThat(settings.stateDir()).isEqualTo(DATA.resolve("streams").resolve("averages"));
        assertThat(settings.commitInterval()).isEmpty();
        assertThat(settings.replicationFactor()).isEqualTo(StreamFunctionSettings.BROKER_DEFAULT_REPLICATION);
        assertThat(settings.config()).isEmpty();
    }

    @Test
    void withersChangeOneSettingEach() {
        StreamFunctionSettings settings = StreamFunctionSettings.of("averages", List.of("readings"), Optional.empty(),
                        DATA, Map.of())
                .withCommitInterval(Duration.ofMillis(250))
                .withReplicationFactor(3)
                .withStateDir(Path.of("/state"))
                .withConfig(Map.of("windowSeconds", 30));

        assertThat(settings.commitInterval()).contains(Duration.ofMillis(250));
        assertThat(settings.replicationFactor()).isEqualTo(3);
        assertThat(settings.stateDir()).isEqualTo(Path.of("/state"));
        assertThat(settings.config()).containsEntry("windowSeconds", 30);
        assertThat(settings.inputTopics()).containsExactly("readings");
    }

    @Test
    void invalidSettingsAreRejectedNamingTheFunctionAndWhatIsAllowed() {
        assertThatThrownBy(() -> StreamFunctionSettings.of("averages", List.of(), Optional.empty(), DATA, Map.of()))
                .hasMessageContaining("averages").hasMessageContaining("subscribe.topics");
        StreamFunctionSettings settings = StreamFunctionSettings.of("averages", List.of("in"), Optional.empty(), DATA,
                Map.of());
        assertThatThrownBy(() -> settings.withReplicationFactor(0))
                .hasMessageContaining("at least 1, or -1 for the broker's default");
        assertThatThrownBy(() -> settings.withCommitInterval(Duration.ZERO)).hasMessageContaining("must be positive");
    }
}
