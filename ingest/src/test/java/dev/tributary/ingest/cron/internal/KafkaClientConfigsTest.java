package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.cron.CronSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One map of Kafka properties becomes three client configurations with the settings exactly-once needs. */
class KafkaClientConfigsTest {

    private static final CronSettings SETTINGS =
            CronSettings.of(CronSchedule.of("nightly", "0 2 * * *", "reports")).withGroupId("billing");

    private final KafkaClientConfigs configs = new KafkaClientConfigs(Map.of(
            "bootstrap.servers", "k1:9092",
            "client.id", "cron-a",
            "security.protocol", "SSL",
            "isolation.level", "read_uncommitted",
            "linger.ms", 5,
            "my.plugin.setting", "x"), SETTINGS);

    @Test
    void theConsumerJoinsTheGroupAndReadsOnlyCommittedCheckpoints() {
        assertThat(configs.consumer())
                .containsEntry("bootstrap.servers", "k1:9092")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("group.id", "billing")
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("group.protocol", "consumer")
                .containsEntry("client.id", "cron-a-coordination")
                .containsEntry("my.plugin.setting", "x")
                .doesNotContainKey("linger.ms");
    }

    @Test
    void theProducerIsTransactionalWithTheIdOfTheGroup() {
        assertThat(configs.producer())
                .containsEntry("transactional.id", "tributary-cron-billing")
                .containsEntry("enable.idempotence", true)
                .containsEntry("acks", "all")
                .containsEntry("linger.ms", 5)
                .containsEntry("client.id", "cron-a-ticks")
                .doesNotContainKey("isolation.level");
    }

    @Test
    void theAdminClientGetsTheConnectionSettings() {
        assertThat(configs.admin()).containsEntry("bootstrap.servers", "k1:9092")
                .containsEntry("client.id", "cron-a-admin").doesNotContainKey("linger.ms");
    }

    @Test
    void withoutBootstrapServersItSaysWhatToSet() {
        assertThatThrownBy(() -> new KafkaClientConfigs(Map.of(), SETTINGS))
                .hasMessageContaining("no bootstrap.servers: set it to the brokers");
    }
}
