package dev.tributary.bench.ingest;

import java.nio.file.Path;
import java.util.List;

/** Where a run's JVMs write: one log per JVM, and a JFR recording per measured JVM when asked for. */
record Logs(Path dir, boolean jfr) {

    Path file(String jvm) {
        return dir.resolve(jvm + ".log");
    }

    /** The flags that make {@code jvm} record itself with JFR's profiling settings, written when it exits. */
    List<String> jfrFlags(String jvm) {
        if (!jfr) {
            return List.of();
        }
        return List.of("-XX:StartFlightRecording=filename=" + dir.resolve(jvm + ".jfr") + ",settings=profile");
    }
}
