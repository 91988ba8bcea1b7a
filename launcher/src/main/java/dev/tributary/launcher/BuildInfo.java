package dev.tributary.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What this build of Tributary is and what it runs on, from the properties Maven writes at build time. */
final class BuildInfo implements IVersionProvider {

    private final Properties properties = load();

    String version() {
        return properties.getProperty("version");
    }

    String kafkaVersion() {
        return properties.getProperty("kafka");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "tributary " + version(),
            "Kafka " + kafkaVersion() + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the launcher's classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
