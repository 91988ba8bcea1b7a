package dev.tributary.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.embedded.Ports;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.FunctionTester;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.RetryableException;
import dev.tributary.sdk.TestEvent;
import dev.tributary.testkit.PostgresServer;
import dev.tributary.testkit.WithPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC sink against a real PostgreSQL server: rows written, failures classified, tables checked at start. */
@WithPostgres
class JdbcUpsertSinkIT {

    private final ObjectMapper json = new ObjectMapper();
    private Database database;

    @BeforeEach
    void connect(PostgresServer server) {
        database = new Database(server);
    }

    private FunctionTester<JsonNode> sink(String function, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(database.connection());
        config.putAll(settings);
        return FunctionTester.of(new JdbcUpsertSink()).functionName(function).config(config);
    }

    private TestEvent<JsonNode> event(String key, String data) throws Exception {
        return TestEvent.builder(json.readTree(data)).key(key).build();
    }

    private static Map<String, Object> columns(String... columnAndPointer) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < columnAndPointer.length; i += 2) {
            columns.put(columnAndPointer[i], columnAndPointer[i + 1]);
        }
        return columns;
    }

    @Test
    void upsertsByTheEventKeySoTheLatestEventOfAKeyIsItsRow() throws Exception {
        database.execute("CREATE TABLE readings (device text PRIMARY KEY, celsius double precision,"
                + " measured timestamptz, doc jsonb)");
        try (FunctionTester<JsonNode> tester = sink("readings-db", Map.of("table", "readings", "keyColumn", "device",
                "columns", columns("celsius", "/celsius", "measured", "/at"), "jsonColumn", "doc"))) {
            assertThat(tester.send(event("d-1", "{\"celsius\": 21.5, \"at\": \"2026-11-23T10:00:00Z\"}"))
                    .succeeded()).isTrue();
            assertThat(tester.send(event("d-2", "{\"celsius\": 18, \"at\": \"2026-11-23T10:00:01Z\"}"))
                    .succeeded()).isTrue();
            assertThat(tester.send(event("d-1", "{\"celsius\": 22.25, \"at\": \"2026-11-23T10:05:00+01:00\"}"))
                    .succeeded()).isTrue();
        }

        List<Map<String, Object>> rows = database.rows("SELECT device, celsius, measured, doc::text AS doc"
                + " FROM readings ORDER BY device");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("device", "d-1").containsEntry("celsius", 22.25);
        assertThat(database.rows("SELECT measured = '2026-11-23T09:05:00Z' AS read_as_utc FROM readings"
                + " WHERE device = 'd-1'")).as("the ISO-8601 string filled the timestamptz column")
                .containsExactly(Map.of("read_as_utc", true));
        assertThat(json.readTree((String) rows.get(0).get("doc")))
                .isEqualTo(json.readTree("{\"celsius\": 22.25, \"at\": \"2026-11-23T10:05:00+01:00\"}"));
        assertThat(rows.get(1)).containsEntry("device", "d-2").containsEntry("celsius", 18.0);
    }

    @Test
    void handlingTheSameEventTwiceLeavesTheSameRow() throws Exception {
        database.execute("CREATE TABLE twice (id text PRIMARY KEY, doc jsonb)");
        TestEvent<JsonNode> event = event("order-1", "{\"total\": 12.5}");
        try (FunctionTester<JsonNode> tester = sink("twice-db", Map.of("table", "twice", "keyColumn", "id",
                "jsonColumn", "doc"))) {
            tester.send(event);
            List<Map<String, Object>> once = database.rows("SELECT id, doc::text FROM twice");
            tester.send(event);

            assertThat(tester.failures()).isEmpty();
            assertThat(database.rows("SELECT id, doc::text FROM twice")).isEqualTo(once).hasSize(1);
        }
    }

    @Test
    void takesTheKeyFromTheDataAndNestedValuesByPointerWithMissingOnesAsNull() throws Exception {
        database.execute("CREATE SCHEMA shop", "CREATE TABLE shop.\"Orders\" (order_id bigint PRIMARY KEY,"
                + " customer text, total numeric(10,2), paid boolean, items jsonb, note text)");
        try (FunctionTester<JsonNode> tester = sink("orders-db", Map.of("table", "shop.Orders", "keyColumn",
                "order_id", "keyPointer", "/id", "columns", columns("customer", "/customer/name", "total", "/total",
                        "paid", "/paid", "items", "/items", "note", "/note")))) {
            assertThat(tester.send(TestEvent.of(json.readTree("{\"id\": 42, \"customer\": {\"name\": \"Ada\"},"
                    + " \"total\": 19.99, \"paid\": true, \"items\": [{\"sku\": \"a\"}]}"))).succeeded()).isTrue();
        }

        Map<String, Object> row = database.rows("SELECT order_id, customer, total, paid, items::text AS items, note"
                + " FROM shop.\"Orders\"").get(0);
        assertThat(row).containsEntry("order_id", 42L).containsEntry("customer", "Ada")
                .containsEntry("total", new BigDecimal("19.99")).containsEntry("paid", true)
                .containsEntry("note", null);
        assertThat(json.readTree((String) row.get("items"))).isEqualTo(json.readTree("[{\"sku\": \"a\"}]"));
    }

    @Test
    void aVersionColumnKeepsALateEventFromUndoingANewerOne() throws Exception {
        database.execute("CREATE TABLE versioned (id text PRIMARY KEY, seq bigint, state text)");
        try (FunctionTester<JsonNode> tester = sink("versioned-db", Map.of("table", "versioned", "keyColumn", "id",
                "columns", columns("seq", "/seq", "state", "/state"), "versionColumn", "seq"))) {
            tester.send(event("a", "{\"seq\": 2, \"state\": \"shipped\"}"));
            FunctionTester.Result late = tester.send(event("a", "{\"seq\": 1, \"state\": \"paid\"}"));
            FunctionTester.Result unversioned = tester.send(event("a", "{\"state\": \"lost\"}"));

            assertThat(late.succeeded()).as("a stale event is done, not failed").isTrue();
            assertThat(database.rows("SELECT seq, state FROM versioned"))
                    .containsExactly(Map.of("seq", 2L, "state", "shipped"));
            assertThat(unversioned.failure()).containsInstanceOf(NonRetryableException.class);
            assertThat(unversioned.failure().orElseThrow()).hasMessageContaining("no value at /seq for versionColumn seq");

            tester.send(event("a", "{\"seq\": 3, \"state\": \"delivered\"}"));
            assertThat(database.rows("SELECT seq, state FROM versioned"))
                    .containsExactly(Map.of("seq", 3L, "state", "delivered"));
        }
    }

    @Test
    void valuesTheTableRefusesAreNotRetryableAndSayWhy() throws Exception {
        database.execute("CREATE TABLE strict (id text PRIMARY KEY, celsius double precision NOT NULL"
                + " CONSTRAINT plausible CHECK (celsius BETWEEN -90 AND 60))");
        try (FunctionTester<JsonNode> tester = sink("strict-db", Map.of("table", "strict", "keyColumn", "id",
                "columns", columns("celsius", "/celsius")))) {
            FunctionTester.Result tooHot = tester.send(event("d-1", "{\"celsius\": 999}"));
            FunctionTester.Result missing = tester.send(event("d-2", "{}"));
            FunctionTester.Result notANumber = tester.send(event("d-3", "{\"celsius\": \"warm\"}"));

            assertThat(tooHot.retryable()).isFalse();
            assertThat(tooHot.failure().orElseThrow()).isInstanceOf(NonRetryableException.class)
                    .hasMessageStartingWith("jdbc sink strict-db writing strict: upsert of key 'd-1' failed:")
                    .hasMessageContaining("plausible").hasMessageEndingWith("(SQLSTATE 23514)");
            assertThat(missing.failure().orElseThrow()).isInstanceOf(NonRetryableException.class)
                    .hasMessageEndingWith("(SQLSTATE 23502)");
            assertThat(notANumber.failure().orElseThrow()).isInstanceOf(NonRetryableException.class)
                    .hasMessageEndingWith("(SQLSTATE 22P02)");
        }
        assertThat(database.rows("SELECT * FROM strict")).isEmpty();
    }

    @Test
    void eventsWithoutAKeyOrDataAreNotRetryable() throws Exception {
        database.execute("CREATE TABLE keyed (id text PRIMARY KEY, doc jsonb)");
        try (FunctionTester<JsonNode> tester = sink("keyed-db", Map.of("table", "keyed", "keyColumn", "id",
                "jsonColumn", "doc"))) {
            FunctionTester.Result unkeyed = tester.send(TestEvent.builder(json.readTree("{}")).id("e-1").build());
            FunctionTester.Result empty = tester.send(TestEvent.<JsonNode>builder(null).id("e-2").key("k").build());

            assertThat(unkeyed.failure().orElseThrow()).isInstanceOf(NonRetryableException.class)
                    .hasMessageContaining("event e-1 has no key").hasMessageContaining("set keyPointer");
            assertThat(empty.failure().orElseThrow()).isInstanceOf(NonRetryableException.class)
                    .hasMessageContaining("event e-2 has no data");
        }
    }

    @Test
    void createsTheTableWhenAskedWithTheConfiguredTypes() throws Exception {
        Map<String, Object> settings = Map.of("table", "created", "keyColumn", "device", "createTable", true,
                "columns", Map.of("celsius", Map.of("pointer", "/celsius", "type", "double precision")),
                "jsonColumn", "doc");
        try (FunctionTester<JsonNode> tester = sink("created-db", settings)) {
            assertThat(tester.send(event("d-1", "{\"celsius\": 21.5}")).succeeded()).isTrue();
        }
        try (FunctionTester<JsonNode> again = sink("created-db", settings)) {
            assertThat(again.send(event("d-1", "{\"celsius\": 23}")).succeeded()).as("an existing table is kept")
                    .isTrue();
        }

        assertThat(database.rows("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = 'created' ORDER BY ordinal_position")).containsExactly(
                Map.of("column_name", "device", "data_type", "text"),
                Map.of("column_name", "celsius", "data_type", "double precision"),
                Map.of("column_name", "doc", "data_type", "jsonb"));
        assertThat(database.rows("SELECT celsius FROM created")).containsExactly(Map.of("celsius", 23.0));
    }

    @Test
    void refusesToStartWhenTheTableDoesNotMatchTheSettings() throws Exception {
        database.execute("CREATE TABLE loose (device text, celsius double precision)",
                "CREATE TABLE partial (device text, celsius double precision)",
                "CREATE UNIQUE INDEX partial_device ON partial (device) WHERE celsius > 0");

        assertThat(openFailure(Map.of("table", "absent", "keyColumn", "device", "jsonColumn", "doc")))
                .hasMessageStartingWith("functions[check-db].config.table: table absent does not exist in database"
                        + " postgres; create it (with a primary key on device), or set createTable: true");
        assertThat(openFailure(Map.of("table", "loose", "keyColumn", "device", "columns",
                columns("celsius", "/celsius", "humidity", "/humidity"))))
                .hasMessage("functions[check-db].config.columns.humidity: table loose has no column humidity (names"
                        + " are case-sensitive); its columns are celsius, device");
        assertThat(openFailure(Map.of("table", "loose", "keyColumn", "device", "columns",
                columns("celsius", "/celsius"))))
                .hasMessageStartingWith("functions[check-db].config.keyColumn: column device of table loose has no"
                        + " primary key or unique index of its own")
                .hasMessageEndingWith("ALTER TABLE \"loose\" ADD PRIMARY KEY (\"device\")");
        assertThat(openFailure(Map.of("table", "partial", "keyColumn", "device", "columns",
                columns("celsius", "/celsius"))))
                .as("a partial unique index cannot serve ON CONFLICT (device)")
                .hasMessageStartingWith("functions[check-db].config.keyColumn: column device of table partial has no");
    }

    @Test
    void refusesToStartWhenTheDatabaseRefusesTheRoleOrIsNotThere(PostgresServer server) {
        Map<String, Object> wrongPassword = new HashMap<>(database.connection());
        wrongPassword.putAll(Map.of("password", "not-it", "table", "t", "keyColumn", "id", "jsonColumn", "doc"));
        assertThatThrownBy(() -> open(wrongPassword))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("functions[check-db]: could not prepare table t in " + server.jdbcUrl()
                        + " as postgres: ")
                .hasMessageContaining("password authentication failed")
                .hasMessageEndingWith("; check url, user and password, and that the database is up")
                .message().doesNotContain("not-it");

        Map<String, Object> nobodyListens = new HashMap<>(wrongPassword);
        nobodyListens.putAll(Map.of("url", "jdbc:postgresql://127.0.0.1:" + Ports.freePort() + "/postgres",
                "connectionTimeout", "1s"));
        assertThatThrownBy(() -> open(nobodyListens))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Connection to 127.0.0.1:")
                .hasMessageEndingWith("check url, user and password, and that the database is up");
    }

    @Test
    void aConnectionTheServerEndedIsRetryableAndThenReplaced() throws Exception {
        database.execute("CREATE TABLE resilient (id text PRIMARY KEY, doc jsonb)");
        try (FunctionTester<JsonNode> tester = sink("resilient-db", Map.of("table", "resilient", "keyColumn", "id",
                "jsonColumn", "doc", "poolSize", 1))) {
            assertThat(tester.send(event("a", "{\"n\": 1}")).succeeded()).isTrue();
            database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'tributary-resilient-db'");
            await().atMost(Duration.ofSeconds(10)).until(() -> database.rows("SELECT pid FROM pg_stat_activity"
                    + " WHERE application_name = 'tributary-resilient-db'").isEmpty());

            FunctionTester.Result cut = tester.send(event("b", "{\"n\": 2}"));
            FunctionTester.Result next = tester.send(event("b", "{\"n\": 2}"));

            assertThat(cut.retryable()).isTrue();
            assertThat(cut.failure().orElseThrow()).isExactlyInstanceOf(RetryableException.class)
                    .hasMessageStartingWith("jdbc sink resilient-db writing resilient: upsert of key 'b' failed:");
            assertThat(next.succeeded()).as("the broken connection was discarded, a new one opened").isTrue();
        }
        assertThat(database.rows("SELECT id FROM resilient ORDER BY id"))
                .containsExactly(Map.of("id", "a"), Map.of("id", "b"));
    }

    @Test
    void anUpsertThatWaitsPastTheStatementTimeoutIsRetryable() throws Exception {
        database.execute("CREATE TABLE contended (id text PRIMARY KEY, doc jsonb)");
        try (FunctionTester<JsonNode> tester = sink("contended-db", Map.of("table", "contended", "keyColumn", "id",
                "jsonColumn", "doc", "statementTimeout", "300ms"));
             Connection locker = database.connect()) {
            tester.send(event("warm-up", "{}"));
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE contended IN ACCESS EXCLUSIVE MODE");
            }

            FunctionTester.Result blocked = tester.send(event("a", "{}"));
            locker.rollback();
            FunctionTester.Result retried = tester.send(event("a", "{}"));

            assertThat(blocked.retryable()).isTrue();
            assertThat(blocked.failure().orElseThrow()).isExactlyInstanceOf(RetryableException.class)
                    .hasMessageContaining("canceling statement due to statement timeout")
                    .hasMessageEndingWith("(SQLSTATE 57014)");
            assertThat(retried.succeeded()).isTrue();
        }
    }

    private Throwable openFailure(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(database.connection());
        config.putAll(settings);
        try {
            open(config);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("open() accepted " + settings);
    }

    private static void open(Map<String, Object> config) {
        JdbcUpsertSink sink = new JdbcUpsertSink();
        try {
            sink.open(new FunctionConfig("check-db", config));
        } finally {
            sink.close();
        }
    }
}
