package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aValidFileSaysHowManyFunctionsAndExitsZero() {
        String file = Path.of("src/test/resources/config/minimal.yaml").toString();

        assertThat(run("validate", "--config", file)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo(file + ": valid, 1 function" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anInvalidFilePrintsEveryErrorOnItsOwnLineAndExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("tributary.yaml"), """
                functions:
                  - name: forward
                    handler: dev.tributary.examples.Forward
                    subscribe: { topics: [in], ordering: keyed }
                    outptu: { topic: out }
                """);

        assertThat(run("validate", "--config", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).containsExactly(
                file + ":4: functions[0].subscribe.ordering: 'keyed' is not one of partition, key, unordered",
                file + ":5: functions[0].outptu: unknown setting; did you mean output?");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileIsOneLineAndExitsTwo() {
        String file = dir.resolve("absent.yaml").toString();

        assertThat(run("validate", "--config", file)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo(file + ": no such file" + System.lineSeparator());
    }

    @Test
    void helpDescribesTheCommandAndItsOption() {
        assertThat(run("validate", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: tributary validate", "--config=FILE", "tributary.yaml");
    }

    @Test
    void theTopLevelHelpListsValidate() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("validate");
    }
}
