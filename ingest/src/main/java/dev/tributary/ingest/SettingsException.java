package dev.tributary.ingest;

import java.util.Objects;

/**
 * An ingest setting that cannot be used, with the path of the setting and what is wrong with it, for example
 * {@code mappings[0].key: '{2}' uses {2} but the filter has only 1 wildcard; ...}.
 *
 * <p>Parts of the settings (an MQTT mapping, a cron schedule, a storage source) do not know where in a
 * configuration file they were declared, so their errors carry paths relative to them ({@code key}); the settings
 * that hold them add the place with {@link #under(String)}, and the code that maps a configuration file onto the
 * settings adds its own prefix the same way: {@code e.under("ingest.mqtt.direct")}.
 */
public final class SettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public SettingsException(String path, String problem) {
        super(Objects.requireNonNull(path, "path of the setting") + ": "
                + Objects.requireNonNull(problem, "what is wrong with the setting"));
        this.path = path;
        this.problem = problem;
    }

    /** Where the setting is, such as {@code mappings[0].filter}. */
    public String path() {
        return path;
    }

    /** What is wrong and what is allowed, without the path. */
    public String problem() {
        return problem;
    }

    /** The same problem with {@code parent} in front of the path: {@code under("mappings[2]")}. */
    public SettingsException under(String parent) {
        Objects.requireNonNull(parent, "parent path, such as mappings[0]");
        SettingsException moved = new SettingsException(parent + "." + path, problem);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
