package dev.tributary.launcher;

import dev.tributary.launcher.logging.JavaUtilLogging;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code bin/tributary}. */
public final class Main {

    private Main() {
    }

    /** {@code TRIBUTARY_LOG_FORMAT=json} switches the logs to one JSON object per line, for log pipelines. */
    static final String LOG_FORMAT_VARIABLE = "TRIBUTARY_LOG_FORMAT";

    public static void main(String[] args) {
        // Before the first logger exists: logback reads its configuration once, when it starts.
        if ("json".equalsIgnoreCase(System.getenv(LOG_FORMAT_VARIABLE))
                && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        JavaUtilLogging.routeToSlf4j();
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
