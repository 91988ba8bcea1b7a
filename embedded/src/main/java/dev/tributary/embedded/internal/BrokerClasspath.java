package dev.tributary.embedded.internal;

import dev.tributary.embedded.ServerStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of the child broker JVM: the jars listed at build time (the broker's own, which this module
 * keeps off its users' classpath, and the clients it shares with them) plus this module's classes for
 * {@link BrokerMain}.
 */
public final class BrokerClasspath {

    private static final List<String> LISTS = List.of("kafka-broker.classpath", "kafka-clients.classpath");

    private BrokerClasspath() {
    }

    public static String resolve() {
        List<String> entries = new ArrayList<>();
        entries.add(ChildJvm.ownClasspathEntry());
        for (String list : LISTS) {
            for (String entry : read(list).split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                throw new ServerStartException("the Kafka broker's jar " + entry + " is missing; rebuild Tributary with"
                        + " './mvnw install -DskipTests' so Maven fetches it again");
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String read(String name) {
        try (InputStream in = BrokerClasspath.class.getResourceAsStream("/dev/tributary/embedded/" + name)) {
            if (in == null) {
                throw new ServerStartException("the broker classpath list " + name + " is not on the classpath;"
                        + " build Tributary with Maven rather than from an IDE's own compiler");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
