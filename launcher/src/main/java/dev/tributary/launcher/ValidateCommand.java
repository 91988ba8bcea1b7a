package dev.tributary.launcher;

import dev.tributary.launcher.config.TributaryConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        description = {
            "Check a configuration file without running anything: print every error with its line and exit 2,"
                    + " or say it is valid and exit 0.",
            "Environment variables the file names with ${env:NAME} must be set."
        },
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", defaultValue = "tributary.yaml", paramLabel = "FILE",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Override
    public Integer call() {
        Optional<TributaryConfig> loaded = CommandConfig.load(config, spec);
        if (loaded.isEmpty()) {
            return ExitCodes.USAGE;
        }
        int functions = loaded.get().functions().size();
        StringBuilder summary = new StringBuilder(config + ": valid, " + functions
                + (functions == 1 ? " function" : " functions"));
        loaded.get().ingest().http().ifPresent(http -> summary.append(", HTTP ingest on ").append(http.host())
                .append(':').append(http.port()));
        loaded.get().ingest().cron().ifPresent(cron -> summary.append(", ").append(cron.schedules().size())
                .append(cron.schedules().size() == 1 ? " cron schedule" : " cron schedules"));
        spec.commandLine().getOut().println(summary);
        return ExitCodes.OK;
    }
}
