package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("dev", "version", "Exit codes:");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"dev", "validate", "dlt", "dlt list", "version"}) {
            String[] args = (command + " --help").split(" ");
            assertThat(run(args)).as(command + " --help").isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("Usage: tributary " + command);
        }
    }

    @Test
    void versionNamesTributaryKafkaAndJava() {
        assertThat(run("version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .containsPattern("tributary \\d+\\.\\d+\\.\\d+")
                .contains("Kafka 4.3.1", "Java " + Runtime.version().feature());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("launch-rockets")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("launch-rockets");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("name a command");
    }

    @Test
    void anInvalidPortIsAUsageErrorBeforeAnythingStarts() {
        assertThat(run("dev", "--kafka-port", "70000")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--kafka-port", "70000");
        assertThat(ProcessHandle.current().children().count()).isZero();
    }
}
