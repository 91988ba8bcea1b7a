package dev.tributary.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.http.internal.WebhookSettings;
import dev.tributary.connectors.internal.Setting;
import dev.tributary.connectors.internal.SettingsTable;
import dev.tributary.connectors.jdbc.internal.JdbcSettings;
import dev.tributary.connectors.mqtt.internal.MqttSettings;
import dev.tributary.connectors.storage.internal.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settings tables of docs/connectors.md are generated from the sinks' setting definitions, between
 * {@code <!-- settings:NAME -->} and {@code <!-- /settings -->}; the prose around them is written by hand. With
 * {@code -Dtributary.updateDocs=true} this test rewrites the tables instead of comparing them.
 */
class ConnectorsReferenceTest {

    private static final Map<String, List<Setting<?>>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("WebhookSink", WebhookSettings.ALL);
        TABLES.put("JdbcUpsertSink", JdbcSettings.ALL);
        TABLES.put("ObjectStorageSink", StorageSettings.ALL);
        TABLES.put("MqttDownlinkSink", MqttSettings.ALL);
    }

    private static final String END = "<!-- /settings -->";

    @Test
    void docsConnectorsMdHasTheSettingsTableOfEverySink() throws IOException {
        Path doc = reactorRoot().resolve("docs/connectors.md");
        String committed = Files.readString(doc);
        String generated = committed;
        for (Map.Entry<String, List<Setting<?>>> table : TABLES.entrySet()) {
            generated = withTable(generated, table.getKey(), SettingsTable.markdown(table.getValue()));
        }
        if (Boolean.getBoolean("tributary.updateDocs")) {
            Files.writeString(doc, generated);
            committed = generated;
        }
        assertThat(committed)
                .as("the settings tables of docs/connectors.md are out of date with the setting definitions; regenerate"
                        + " them with ./mvnw -o -q -pl connectors test -Dtest=ConnectorsReferenceTest"
                        + " -Dtributary.updateDocs=true")
                .isEqualTo(generated);
    }

    private static String withTable(String doc, String sink, String table) {
        String begin = "<!-- settings:" + sink + " -->";
        int start = doc.indexOf(begin);
        int end = start < 0 ? -1 : doc.indexOf(END, start);
        assertThat(start).as("docs/connectors.md has a '" + begin + "' ... '" + END + "' section").isNotNegative();
        assertThat(end).as("the section of " + sink + " ends with " + END).isPositive();
        return doc.substring(0, start + begin.length()) + "\n" + table + doc.substring(end);
    }

    private static Path reactorRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the reactor root (the folder with mvnw and docs/) above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }
}
