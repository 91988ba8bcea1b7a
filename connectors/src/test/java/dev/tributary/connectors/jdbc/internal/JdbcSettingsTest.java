package dev.tributary.connectors.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import dev.tributary.sdk.FunctionConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JDBC sink's settings: what is read, what is refused with the setting's path, and the SQL they make. */
class JdbcSettingsTest {

    private static JdbcSettings read(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(Map.of("url", "jdbc:postgresql://db:5432/telemetry",
                "table", "readings", "keyColumn", "device", "jsonColumn", "doc"));
        config.putAll(settings);
        config.values().removeIf(value -> value.equals(""));
        return JdbcSettings.read(new FunctionConfig("readings-db", config));
    }

    private static Map<String, Object> columns(Object... columnAndSource) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < columnAndSource.length; i += 2) {
            columns.put((String) columnAndSource[i], columnAndSource[i + 1]);
        }
        return columns;
    }

    @Test
    void readsTheSettingsWithTheirDefaults() {
        JdbcSettings settings = read(Map.of("columns", columns("celsius", "/reading/celsius",
                "at", Map.of("pointer", "/at", "type", "timestamptz"))));

        assertThat(settings.table()).isEqualTo(TableName.parse("readings"));
        assertThat(settings.keyColumn()).isEqualTo(new SqlName("device"));
        assertThat(settings.keyPointer()).isEmpty();
        assertThat(settings.columns()).containsExactly(
                new ColumnMapping(new SqlName("celsius"), JsonPointer.compile("/reading/celsius"), SqlType.TEXT),
                new ColumnMapping(new SqlName("at"), JsonPointer.compile("/at"), SqlType.parse("timestamptz")));
        assertThat(settings.jsonColumn()).contains(new SqlName("doc"));
        assertThat(settings.createTable()).isFalse();
        assertThat(settings.poolSize()).isEqualTo(8);
        assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theUpsertInsertsTheKeyAndEveryColumnAndUpdatesAllButTheKey() {
        JdbcSettings settings = read(Map.of("table", "telemetry.readings", "columns",
                columns("celsius", "/celsius", "seq", "/seq"), "versionColumn", "seq"));
        UpsertStatement statement = new UpsertStatement(settings.table(), settings.keyColumn(), settings.columns(),
                settings.jsonColumn(), settings.versionColumn());

        assertThat(statement.sql()).isEqualTo("INSERT INTO \"telemetry\".\"readings\" AS existing"
                + " (\"device\", \"celsius\", \"seq\", \"doc\") VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (\"device\") DO UPDATE SET \"celsius\" = EXCLUDED.\"celsius\","
                + " \"seq\" = EXCLUDED.\"seq\", \"doc\" = EXCLUDED.\"doc\""
                + " WHERE existing.\"seq\" IS NULL OR existing.\"seq\" <= EXCLUDED.\"seq\"");
    }

    @Test
    void createTableMakesTheKeyThePrimaryKeyAndTheWholeDataJsonb() {
        JdbcSettings settings = read(Map.of("createTable", true, "keyType", "bigint", "columns",
                columns("celsius", Map.of("pointer", "/celsius", "type", "double precision"), "note", "/note")));

        assertThat(new TableSchema(settings).createStatement()).isEqualTo("CREATE TABLE IF NOT EXISTS \"readings\""
                + " (\"device\" bigint PRIMARY KEY, \"celsius\" double precision, \"note\" text, \"doc\" jsonb)");
    }

    @Test
    void refusesWhatIsNotAPostgresUrl() {
        assertThatThrownBy(() -> read(Map.of("url", "jdbc:mysql://db/x?password=hunter2")))
                .hasMessage("functions[readings-db].config.url: 'jdbc:mysql://db/x' is not a PostgreSQL JDBC URL: use"
                        + " jdbc:postgresql://host[:port]/database, such as jdbc:postgresql://db:5432/telemetry");
    }

    @Test
    void refusesNamesThatCouldBeSqlNamingTheSetting() {
        assertThatThrownBy(() -> read(Map.of("table", "readings; DROP TABLE readings")))
                .hasMessageStartingWith("functions[readings-db].config.table: 'readings; DROP TABLE readings' is not a"
                        + " table name or schema.table");
        assertThatThrownBy(() -> read(Map.of("keyColumn", "id\" = 1 --")))
                .hasMessageStartingWith("functions[readings-db].config.keyColumn: 'id\" = 1 --' is not a valid name");
        assertThatThrownBy(() -> read(Map.of("columns", columns("a b", "/a"))))
                .hasMessageStartingWith("functions[readings-db].config.columns: column 'a b' is not a valid name");
        assertThatThrownBy(() -> read(Map.of("columns", columns("a", Map.of("pointer", "/a", "type", "text; --")))))
                .hasMessageStartingWith("functions[readings-db].config.columns: column a: 'text; --' is not a"
                        + " PostgreSQL type");
        assertThatThrownBy(() -> read(Map.of("keyType", "text unique")))
                .hasMessageStartingWith("functions[readings-db].config.keyType: 'text unique' is not a PostgreSQL");
    }

    @Test
    void refusesPointersThatAreNotJsonPointers() {
        assertThatThrownBy(() -> read(Map.of("keyPointer", "device.id")))
                .hasMessage("functions[readings-db].config.keyPointer: 'device.id' is not a JSON pointer such as"
                        + " /device/id (\"\" for the whole data)");
        assertThatThrownBy(() -> read(Map.of("columns", columns("celsius", "celsius"))))
                .hasMessageStartingWith("functions[readings-db].config.columns: column celsius: 'celsius' is not a"
                        + " JSON pointer");
        assertThatThrownBy(() -> read(Map.of("columns", columns("celsius", Map.of("type", "real")))))
                .hasMessageStartingWith("functions[readings-db].config.columns: column celsius needs a pointer");
        assertThatThrownBy(() -> read(Map.of("columns", columns("celsius", Map.of("pointer", "/c", "kind", "x")))))
                .hasMessageStartingWith("functions[readings-db].config.columns: column celsius has [kind]; a column"
                        + " takes pointer and type only");
    }

    @Test
    void refusesSettingsThatDisagree() {
        assertThatThrownBy(() -> read(Map.of("jsonColumn", "")))
                .hasMessageStartingWith("functions[readings-db].config.columns: the sink has nothing to write besides"
                        + " the key");
        assertThatThrownBy(() -> read(Map.of("columns", columns("device", "/device"))))
                .hasMessageStartingWith("functions[readings-db].config.columns.device: is the keyColumn");
        assertThatThrownBy(() -> read(Map.of("jsonColumn", "celsius", "columns", columns("celsius", "/c"))))
                .hasMessageStartingWith("functions[readings-db].config.jsonColumn: 'celsius' is already the keyColumn"
                        + " or one of columns");
        assertThatThrownBy(() -> read(Map.of("versionColumn", "seq")))
                .hasMessageStartingWith("functions[readings-db].config.versionColumn: 'seq' is not one of columns");
    }

    @Test
    void refusesOutOfRangeNumbersAndMisspeltSettings() {
        assertThatThrownBy(() -> read(Map.of("poolSize", 0)))
                .hasMessage("functions[readings-db].config.poolSize: 0 is out of range; use 1..64");
        assertThatThrownBy(() -> read(Map.of("createTable", "yes")))
                .hasMessage("functions[readings-db].config.createTable: 'yes' is not true or false");
        assertThatThrownBy(() -> read(Map.of("key_column", "device")))
                .hasMessageStartingWith("functions[readings-db].config.key_column is not a setting of JdbcUpsertSink;"
                        + " its settings are url, user, password, table, keyColumn,");
        assertThatThrownBy(() -> read(Map.of("table", "")))
                .hasMessageStartingWith("functions[readings-db].config.table is required");
    }

    @Test
    void neverShowsThePassword() {
        JdbcSettings settings = read(Map.of("user", "sink", "password", "hunter2",
                "url", "jdbc:postgresql://db/telemetry?password=hunter2"));

        assertThat(settings.password()).contains("hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2").contains("user=sink");
        assertThat(settings.keyPointer()).isEqualTo(Optional.empty());
    }
}
