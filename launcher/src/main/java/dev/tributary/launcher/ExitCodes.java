package dev.tributary.launcher;

import picocli.CommandLine;

/** The exit codes scripts can rely on. */
public final class ExitCodes {

    public static final int OK = CommandLine.ExitCode.OK;
    /** Something failed while running: a server did not start, a dependency went away. */
    public static final int RUNTIME_FAILURE = CommandLine.ExitCode.SOFTWARE;
    /** The command line or the configuration is wrong; the message says what to change. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    private ExitCodes() {
    }
}
