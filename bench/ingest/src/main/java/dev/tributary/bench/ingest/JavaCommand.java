package dev.tributary.bench.ingest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of the benchmark's JVMs: this JDK's {@code java}, the common flags, and one of two classpaths
 * from this module's build. The adapters and load generators get {@code classes:lib/*}, the product's runtime
 * classpath; ProducerPerformance gets {@code producer-perf-lib/*:lib/*}, so that kafka-tools stays off the former.
 */
final class JavaCommand {

    private final Path module;
    private final List<String> flags;

    private JavaCommand(Path module, List<String> flags) {
        this.module = module;
        this.flags = List.copyOf(flags);
    }

    /** @throws IllegalStateException when the module is not built */
    static JavaCommand forModule(Path root, List<String> flags) {
        Path target = root.resolve("bench").resolve("ingest").resolve("target");
        for (String folder : List.of("classes", "lib", "producer-perf-lib")) {
            if (!Files.isDirectory(target.resolve(folder))) {
                throw new IllegalStateException(target.resolve(folder) + " is missing: bench/run-ingest builds it "
                        + "(./mvnw -pl bench/ingest -am package -DskipTests)");
            }
        }
        return new JavaCommand(target, flags);
    }

    /** A child JVM running one of this module's mains. */
    List<String> benchMain(Class<?> main, List<String> extraFlags, List<String> args) {
        return command(extraFlags, module.resolve("classes") + File.pathSeparator + jars("lib"), main.getName(), args);
    }

    /**
     * Kafka's {@code org.apache.kafka.tools.ProducerPerformance}, logging as the other JVMs do: without this
     * module's {@code logback.xml} logback's default would print the producer's DEBUG lines on stdout.
     */
    List<String> producerPerformance(List<String> extraFlags, List<String> args) {
        List<String> flags = new ArrayList<>(extraFlags);
        flags.add("-Dlogback.configurationFile=" + module.resolve("classes").resolve("logback.xml"));
        return command(flags, jars("producer-perf-lib") + File.pathSeparator + jars("lib"),
                "org.apache.kafka.tools.ProducerPerformance", args);
    }

    private List<String> command(List<String> extraFlags, String classpath, String main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(main);
        command.addAll(args);
        return command;
    }

    private String jars(String folder) {
        return module.resolve(folder) + File.separator + "*";
    }
}
