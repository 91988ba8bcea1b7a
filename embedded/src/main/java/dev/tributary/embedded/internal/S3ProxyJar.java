package dev.tributary.embedded.internal;

import dev.tributary.embedded.ServerStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build of this module copied s3proxy's jar (with its dependencies): named in {@code s3proxy.properties},
 * which the build writes, so the jar itself stays off every classpath but the server's own.
 */
public final class S3ProxyJar {

    private static final String LIST = "/dev/tributary/embedded/s3proxy.properties";

    private S3ProxyJar() {
    }

    /** The jar's path; fails with what to run when the build did not fetch it. */
    public static Path resolve() {
        Properties properties = new Properties();
        try (InputStream in = S3ProxyJar.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new ServerStartException("s3proxy.properties is not on the classpath; build Tributary with"
                        + " Maven rather than from an IDE's own compiler");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jar = Path.of(properties.getProperty("jar"));
        if (!Files.isRegularFile(jar)) {
            throw new ServerStartException("s3proxy " + properties.getProperty("version") + " is not at " + jar
                    + "; build Tributary with './mvnw install -DskipTests' so Maven fetches it");
        }
        return jar;
    }
}
