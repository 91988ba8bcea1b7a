package dev.tributary.launcher.config;

import dev.tributary.launcher.config.internal.ConfigSchema;
import dev.tributary.launcher.config.internal.FilterType;
import dev.tributary.launcher.config.internal.Section;
import dev.tributary.launcher.config.internal.Setting;

/**
 * Renders docs/configuration.md from the setting definitions, so that the reference cannot drift from what the
 * loader accepts. {@code ConfigurationReferenceTest} fails when the committed file differs.
 */
public final class ConfigurationReference {

    private ConfigurationReference() {
    }

    /** The reference in Markdown, one table per section. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("<!-- Generated from the setting definitions (launcher's config.internal.ConfigSchema) by")
                .append(" ConfigurationReferenceTest: edit those, then run\n")
                .append("     ./mvnw -o -q -pl launcher test -Dtest=ConfigurationReferenceTest -Dtributary.updateDocs=true -->\n\n")
                .append("`tributary.yaml` declares what a Tributary process runs.")
                .append(" `tributary validate --config FILE` checks a file and prints every error with its line.\n\n")
                .append("- A setting the tables do not list is an error, and so is a missing required setting.\n")
                .append("- Any string value may use `${env:NAME}`, replaced by the environment variable `NAME`;")
                .append(" a variable that is not set is an error. Keep secrets out of the file this way.\n")
                .append("- A setting with no value (`key:` or `key: null`) is the same as leaving it out.\n");
        section(out, ConfigSchema.ROOT, "", "The file");
        filters(out);
        return out.toString();
    }

    private static void section(StringBuilder out, Section<?> section, String prefix, String heading) {
        out.append("\n## ").append(heading).append("\n\n")
                .append(section.doc()).append("\n\n")
                .append("| Setting | Type | Default | Allowed | Description |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Setting<?> setting : section.settings()) {
            out.append("| ").append(code(prefix + setting.name()))
                    .append(" | ").append(cell(setting.type().name()))
                    .append(" | ").append(setting.required() ? "required" : code(setting.documentedDefault()))
                    .append(" | ").append(cell(setting.type().allowed()))
                    .append(" | ").append(cell(setting.doc()))
                    .append(" |\n");
        }
        for (Setting<?> setting : section.settings()) {
            setting.type().section().ifPresent(nested -> {
                String path = prefix + setting.name() + (nested == setting.type() ? "" : "[]");
                section(out, nested, path + ".", code(path));
            });
        }
    }

    private static void filters(StringBuilder out) {
        out.append("\n## Filters\n\n")
                .append("A `filter` selects events by their CloudEvents attributes, with the filter dialects of the")
                .append(" CloudEvents Subscriptions API. It is a mapping; when it has several keys, all must match.")
                .append(" Comparisons are case-sensitive, and an event without the attribute matches no `exact`,")
                .append(" `prefix` or `suffix` on it. Attributes are those of the CloudEvents specification (`type`, `source`, `subject`,")
                .append(" `id`, `time` ...) and extensions.\n\n")
                .append("| Key | Value | Matches when |\n")
                .append("| --- | --- | --- |\n");
        for (FilterType.Match match : FilterType.Match.values()) {
            out.append("| an attribute name | ")
                    .append(code("{" + match.key() + ": value}")).append(" | ").append(match.doc()).append(" |\n");
        }
        for (FilterType.Combinator combinator : FilterType.Combinator.values()) {
            out.append("| ").append(code(combinator.key())).append(" | ").append(combinator.value())
                    .append(" | ").append(combinator.doc()).append(" |\n");
        }
        out.append("\n```yaml\nfilter:\n  type: { prefix: com.example. }\n  not: { source: { suffix: /test } }\n```\n");
    }

    private static String code(String text) {
        return text.isEmpty() ? "" : "`" + text.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
