package dev.tributary.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.launcher.ReactorRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationReferenceTest {

    private static final Path DOC = ReactorRoot.find().resolve("docs/configuration.md");

    /** With {@code -Dtributary.updateDocs=true}, writes the file instead of comparing. */
    @Test
    void docsConfigurationMdIsGeneratedFromTheSettingDefinitions() throws IOException {
        String generated = ConfigurationReference.markdown();
        if (Boolean.getBoolean("tributary.updateDocs")) {
            Files.writeString(DOC, generated);
        }
        String committed = Files.exists(DOC) ? Files.readString(DOC) : "";
        assertThat(committed)
                .as("docs/configuration.md is out of date with the setting definitions; regenerate it with"
                        + " ./mvnw -o -q -pl launcher test -Dtest=ConfigurationReferenceTest -Dtributary.updateDocs=true")
                .isEqualTo(generated);
    }

    @Test
    void theReferenceHasATablePerSectionWithEverySetting() {
        assertThat(ConfigurationReference.markdown())
                .contains("## The file", "## `kafka`", "## `registry`", "## `functions[]`",
                        "## `functions[].subscribe`", "## `functions[].output`", "## Filters")
                .contains("| `functions[].subscribe.ordering` | string | `key` | partition, key, unordered |")
                .contains("| `functions[].subscribe.concurrency` | integer | `16` | 1..10000 |")
                .contains("| `functions[].subscribe.group` | string | `tributary.<name>` |")
                .contains("| `functions[].name` | string | required |");
    }
}
