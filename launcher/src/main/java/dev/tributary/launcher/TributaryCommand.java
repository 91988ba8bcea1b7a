package dev.tributary.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "tributary",
        description = "Event-stream functions on Apache Kafka.",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        subcommands = {DemoCommand.class, DevCommand.class, RunCommand.class, ValidateCommand.class, DltCommand.class,
            LagCommand.class, VersionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:runtime failure", "2:usage or configuration error"})
final class TributaryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command; 'tributary --help' lists them");
    }
}
