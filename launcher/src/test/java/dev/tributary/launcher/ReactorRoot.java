package dev.tributary.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the Tributary checkout, for tests that read or write files outside the launcher module. */
public final class ReactorRoot {

    private ReactorRoot() {
    }

    /** The nearest folder, from the working directory up, that holds the parent pom and {@code launcher/}. */
    public static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.exists(pom) && Files.readString(pom).contains("<artifactId>tributary-parent</artifactId>")
                        && Files.isDirectory(dir.resolve("launcher"))) {
                    return dir;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("run the tests from inside the Tributary checkout");
    }
}
