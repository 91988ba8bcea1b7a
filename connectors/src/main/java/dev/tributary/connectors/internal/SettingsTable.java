package dev.tributary.connectors.internal;

import java.util.List;

/** Renders setting definitions as the Markdown table of the connectors reference, so the docs cannot drift. */
public final class SettingsTable {

    private SettingsTable() {
    }

    public static String markdown(List<Setting<?>> settings) {
        StringBuilder out = new StringBuilder()
                .append("| Key | Type | Default | Allowed | Description |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Setting<?> setting : settings) {
            out.append("| ").append(code(setting.name()))
                    .append(" | ").append(cell(setting.type().name()))
                    .append(" | ").append(setting.required() ? "required" : code(setting.documentedDefault()))
                    .append(" | ").append(cell(setting.type().allowed()))
                    .append(" | ").append(cell(setting.description()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String code(String text) {
        return text.isEmpty() ? "" : "`" + text.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
