package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code tributary run} refuses before it starts anything. */
class RunCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aConfigWithoutAClusterIsAUsageErrorNamingTheSetting() throws IOException {
        Path config = Files.writeString(dir.resolve("tributary.yaml"), "functions: []\n");

        assertThat(run("run", "--config", config.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith(config + ": kafka.bootstrapServers: required by tributary run");
    }

    @Test
    void anUnknownRoleIsAUsageError() throws IOException {
        Path config = Files.writeString(dir.resolve("tributary.yaml"), "functions: []\n");

        assertThat(run("run", "--config", config.toString(), "--role", "worker")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--role 'worker' is not one of ingest, dispatcher, all");
    }

    @Test
    void anInvalidConfigIsReportedWithItsLinesBeforeAnythingStarts() throws IOException {
        Path config = Files.writeString(dir.resolve("tributary.yaml"), "kafka: { bootstrapServers: 'k:9092' }\n"
                + "ingest:\n  http:\n    port: 99999\n");

        assertThat(run("run", "--config", config.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(config + ":4: ingest.http.port: '99999' is not an integer between 0"
                + " and 65535");
    }
}
