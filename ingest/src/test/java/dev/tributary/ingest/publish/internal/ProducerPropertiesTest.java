package dev.tributary.ingest.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.publish.Compression;
import dev.tributary.ingest.publish.PublisherSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerPropertiesTest {

    private static PublisherSettings with(Map<String, Object> kafka) {
        return PublisherSettings.defaults(kafka);
    }

    @Test
    void theProducerIsIdempotentWithAcksAllCompressionAndLingerAndTimeoutsFromTheSettings() {
        PublisherSettings settings = PublisherSettings.forBootstrapServers("k:9092")
                .withDeliveryTimeout(Duration.ofSeconds(4)).withLinger(Duration.ofMillis(10))
                .withCompression(Compression.ZSTD).withMaxInFlight(100, 64L * 1024 * 1024);

        Map<String, Object> config = ProducerProperties.producer(settings);

        assertThat(config).containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("compression.type", "zstd")
                .containsEntry("linger.ms", 10)
                .containsEntry("delivery.timeout.ms", 4_000)
                .containsEntry("request.timeout.ms", 3_990)
                .containsEntry("max.block.ms", 4_000L)
                .containsEntry("buffer.memory", 128L * 1024 * 1024)
                .containsEntry("batch.size", 64 * 1024)
                .containsEntry("client.id", "tributary-ingest");
    }

    @Test
    void otherKafkaPropertiesPassThroughAndSettingsWinOverTheKeysTheyOwn() {
        Map<String, Object> config = ProducerProperties.producer(with(Map.of("bootstrap.servers", "k:9092",
                "security.protocol", "SASL_SSL", "batch.size", 1_000, "linger.ms", 500, "acks", "-1")));

        assertThat(config).containsEntry("security.protocol", "SASL_SSL").containsEntry("batch.size", 1_000)
                .containsEntry("linger.ms", 5).containsEntry("acks", "all");
    }

    @Test
    void settingsThatWouldWeakenTheGuaranteeAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ProducerProperties.producer(with(Map.of("bootstrap.servers", "k:9092", "acks", "1"))))
                .hasMessageContaining("acks=1 is not allowed").hasMessageContaining("remove it");
        assertThatThrownBy(() -> ProducerProperties.producer(with(Map.of("bootstrap.servers", "k:9092",
                "enable.idempotence", "false")))).hasMessageContaining("enable.idempotence=false");
        assertThatThrownBy(() -> ProducerProperties.producer(with(Map.of("bootstrap.servers", "k:9092",
                "max.in.flight.requests.per.connection", 10)))).hasMessageContaining("at most 5");
        assertThatThrownBy(() -> ProducerProperties.producer(with(Map.of("bootstrap.servers", "k:9092",
                "transactional.id", "x")))).hasMessageContaining("transactional.id");
    }

    @Test
    void theProbeGetsOnlyWhatAnAdminClientKnows() {
        Map<String, Object> config = ProducerProperties.admin(with(Map.of("bootstrap.servers", "k:9092",
                "security.protocol", "SSL", "batch.size", 1_000)));

        assertThat(config).containsEntry("bootstrap.servers", "k:9092").containsEntry("security.protocol", "SSL")
                .containsEntry("client.id", "tributary-ingest-probe").doesNotContainKey("batch.size");
    }
}
