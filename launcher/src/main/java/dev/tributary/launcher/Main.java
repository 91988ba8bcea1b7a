package dev.tributary.launcher;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code bin/tributary}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code: 0 ok, 1 runtime failure, 2 usage or configuration error. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new TributaryCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    commandLine.getErr().println("tributary " + commandLine.getCommandName() + ": " + error.getMessage());
                    return ExitCodes.RUNTIME_FAILURE;
                })
                .execute(args);
    }
}
