package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary demo} as a user runs it: the IoT example with ten simulated devices, from the embedded stack to
 * both alert sinks, exits 0 and its summary accounts for every reading.
 */
class DemoCommandIT {

    private static final Duration RUN = Duration.ofSeconds(150);

    @TempDir
    Path examplesClasses;

    @Test
    void demoAccountsForEveryReadingAndDeliversEveryAlert() throws Exception {
        compileExamples();
        LauncherProcess demo = startWithExamples("demo", "--devices", "10");
        try (demo) {
            assertThat(demo.awaitExit(RUN)).as("exit code; output: %s %s", demo.out(), demo.err())
                    .isEqualTo(ExitCodes.OK);
        }
        List<String> out = demo.out();
        assertThat(out).contains("Every event is accounted for.");
        // Ten devices, 24 readings each: devices 3, 1 and 9 send one reading out of range, device 6 one that is not JSON.
        assertThat(out).anyMatch(line -> line.matches("\\s+Readings ingested\\s+240 of 240 sent.*"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Processed\\s+236 valid readings on iot.telemetry"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Dead-lettered\\s+3 out-of-range readings on .*"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Invalid\\s+1 payloads that are not JSON on .*"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Accounted for\\s+240 of 240 ingested.*"));
        assertThat(out).anyMatch(line -> line.matches(
                "\\s+Delivered\\s+webhook ([1-9]\\d*) of \\1, MQTT device commands \\1 of \\1"));
        assertThat(out).anyMatch(line -> line.matches("\\s+Metrics, health\\s+http://127\\.0\\.0\\.1:\\d+/metrics.*"));
    }

    /**
     * The demo loads the IoT example's functions by name, as bin/tributary provides them on the classpath. The
     * launcher cannot depend on the examples module, which the reactor builds after it, so the test compiles the
     * example's sources itself, against its own classpath, which has everything they use.
     */
    private void compileExamples() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> options = List.of("-d", examplesClasses.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none", "-nowarn");
        List<String> sources;
        try (Stream<Path> files = Files.walk(ReactorRoot.find().resolve("examples/src/main/java"))) {
            sources = files.map(Path::toString).filter(name -> name.endsWith(".java")).toList();
        }
        StringWriter errors = new StringWriter();
        boolean compiled = compiler.getTask(errors, null, null, options, null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(sources)).call();
        assertThat(compiled).as("compiling examples/src/main/java: %s", errors).isTrue();
    }

    /** {@link LauncherProcess} gives the launcher this JVM's classpath; the demo also needs the example's classes. */
    private LauncherProcess startWithExamples(String... args) throws IOException {
        String classpath = System.getProperty("java.class.path");
        System.setProperty("java.class.path", classpath + File.pathSeparator + examplesClasses);
        try {
            return LauncherProcess.start(args);
        } finally {
            System.setProperty("java.class.path", classpath);
        }
    }
}
