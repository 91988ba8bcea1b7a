package dev.tributary.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "dlt", description = "Look at dead letters: records a function could not handle.",
        mixinStandardHelpOptions = true, subcommands = {DltListCommand.class, DltReplayCommand.class})
final class DltCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a dlt command; 'tributary dlt --help' lists them");
    }
}
