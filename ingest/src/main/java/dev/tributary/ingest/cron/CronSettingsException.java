package dev.tributary.ingest.cron;

import java.util.Objects;

/**
 * A cron setting that cannot be used, with the path of the setting and what is wrong with it, for example
 * {@code schedules[0].expression: '61 * * * *' is not a valid 5-field cron expression: ...}.
 *
 * <p>A {@link CronSchedule} does not know where in a configuration it was declared, so its errors carry paths
 * relative to it ({@code expression}); the code that maps a configuration file onto the settings adds the place
 * with {@link #under(String)}: {@code e.under("schedules[0]")}. {@link CronSettings} does so for the checks that
 * span schedules.
 */
public final class CronSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public CronSettingsException(String path, String problem) {
        super(Objects.requireNonNull(path, "path of the setting") + ": "
                + Objects.requireNonNull(problem, "what is wrong with the setting"));
        this.path = path;
        this.problem = problem;
    }

    /** Where the setting is, such as {@code schedules[0].expression}. */
    public String path() {
        return path;
    }

    /** What is wrong and what is allowed, without the path. */
    public String problem() {
        return problem;
    }

    /** The same problem with {@code parent} in front of the path: {@code under("schedules[2]")}. */
    public CronSettingsException under(String parent) {
        Objects.requireNonNull(parent, "parent path, such as schedules[0]");
        CronSettingsException moved = new CronSettingsException(parent + "." + path, problem);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
