package dev.tributary.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.connectors.SinkRunner;
import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionDispatcher;
import dev.tributary.dispatcher.RetryPolicy;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.PostgresServer;
import dev.tributary.testkit.WithLocalKafka;
import dev.tributary.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC sink run by a real dispatcher on a real broker, writing to a real PostgreSQL server. */
@WithPostgres
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class JdbcUpsertSinkDispatcherIT {

    private static final FailureSettings PATIENT_RETRIES = new FailureSettings(Duration.ofSeconds(10),
            new RetryPolicy(50, Duration.ofMillis(20), Duration.ofMillis(100), 2.0, 0.2), Optional.empty());

    private Database database;

    @BeforeEach
    void connect(PostgresServer server) {
        database = new Database(server);
    }

    private Map<String, Object> config(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(database.connection());
        config.putAll(settings);
        return config;
    }

    @Test
    void rowsFollowTheTopicByKeyAndARowTheTableRefusesGoesToTheDeadLetterTopic(@BootstrapServers String bootstrap)
            throws Exception {
        String topic = "fleet-readings";
        KafkaTestClients.createTopic(bootstrap, topic, 3, (short) 1, Map.of());
        database.execute("CREATE TABLE fleet (device text PRIMARY KEY,"
                + " celsius double precision CONSTRAINT plausible CHECK (celsius < 60), doc jsonb)");
        try (SinkRunner runner = new SinkRunner(bootstrap)) {
            FunctionDispatcher dispatcher = runner.start("fleet-db", topic, new JdbcUpsertSink(), config(Map.of(
                    "table", "fleet", "keyColumn", "device", "columns", Map.of("celsius", "/celsius"),
                    "jsonColumn", "doc")), PATIENT_RETRIES);
            runner.publish(topic, "e-1", "d-1", "{\"celsius\": 20}");
            runner.publish(topic, "e-2", "d-2", "{\"celsius\": 30}");
            runner.publish(topic, "e-3", "d-1", "{\"celsius\": 25}");
            runner.publish(topic, "e-4", "d-3", "{\"celsius\": 99}");

            await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.stats().succeeded() == 3
                    && dispatcher.stats().deadLettered() == 1);
            assertThat(dispatcher.stats().retried()).isZero();
        }
        assertThat(database.rows("SELECT device, celsius FROM fleet ORDER BY device")).containsExactly(
                Map.of("device", "d-1", "celsius", 25.0),
                Map.of("device", "d-2", "celsius", 30.0));

        List<ConsumerRecord<String, String>> deadLetters =
                KafkaTestClients.readTopic(bootstrap, topic + ".fleet-db.dlt", Duration.ofSeconds(30));
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.key()).isEqualTo("d-3");
        assertThat(deadLetter.value()).isEqualTo("{\"celsius\": 99}");
        assertThat(SinkRunner.errorClass(deadLetter)).isEqualTo(NonRetryableException.class.getName());
        assertThat(SinkRunner.header(deadLetter, DeadLetterHeaders.ERROR_MESSAGE))
                .startsWith("jdbc sink fleet-db writing fleet: upsert of key 'd-3' failed:")
                .contains("plausible")
                .endsWith("(SQLSTATE 23514)");
        assertThat(SinkRunner.header(deadLetter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    }

    @Test
    void anUpsertBlockedPastTheStatementTimeoutIsRetriedUntilTheTableIsFree(@BootstrapServers String bootstrap)
            throws Exception {
        String topic = "locked-readings";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        database.execute("CREATE TABLE locked (device text PRIMARY KEY, celsius double precision)");
        try (SinkRunner runner = new SinkRunner(bootstrap); Connection locker = database.connect()) {
            FunctionDispatcher dispatcher = runner.start("locked-db", topic, new JdbcUpsertSink(), config(Map.of(
                    "table", "locked", "keyColumn", "device", "columns", Map.of("celsius", "/celsius"),
                    "statementTimeout", "200ms")), PATIENT_RETRIES);
            runner.publish(topic, "e-1", "d-1", "{\"celsius\": 20}");
            await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.stats().succeeded() == 1);

            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE");
            }
            runner.publish(topic, "e-2", "d-1", "{\"celsius\": 21}");
            await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.stats().retried() >= 1);
            locker.rollback();

            await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.stats().succeeded() == 2);
            assertThat(dispatcher.stats().deadLettered()).isZero();
        }
        assertThat(database.rows("SELECT device, celsius FROM locked"))
                .containsExactly(Map.of("device", "d-1", "celsius", 21.0));
    }
}
