package dev.tributary.ingest.storage;

import java.util.Objects;

/**
 * A storage setting that cannot be used, with the path of the setting and what is wrong with it, for example
 * {@code interval: PT0S is too short: poll at most every 100 ms}.
 *
 * <p>A settings record does not know where in a configuration file it was declared, so its errors carry paths
 * relative to it; the code that maps a file onto the settings adds the place with {@link #under(String)}:
 * {@code e.under("ingest.storage[1]")}.
 */
public final class StorageSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public StorageSettingsException(String path, String problem) {
        super(Objects.requireNonNull(path, "path of the setting") + ": "
                + Objects.requireNonNull(problem, "what is wrong with the setting"));
        this.path = path;
        this.problem = problem;
    }

    /** Where the setting is, such as {@code dedup.window}. */
    public String path() {
        return path;
    }

    /** What is wrong and what is allowed, without the path. */
    public String problem() {
        return problem;
    }

    /** The same problem with {@code parent} in front of the path. */
    public StorageSettingsException under(String parent) {
        Objects.requireNonNull(parent, "parent path, such as ingest.storage[0]");
        StorageSettingsException moved = new StorageSettingsException(parent + "." + path, problem);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
