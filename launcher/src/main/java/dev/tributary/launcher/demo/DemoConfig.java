package dev.tributary.launcher.demo;

import dev.tributary.embedded.S3Process;
import dev.tributary.launcher.config.ConfigException;
import dev.tributary.launcher.config.ConfigLoader;
import dev.tributary.launcher.config.TributaryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's variant of {@code examples/iot/tributary.yaml}, shipped with the launcher: the ports are chosen at start,
 * so the demo runs beside anything that already listens on the example's ports.
 */
public final class DemoConfig {

    /** The average temperature in °C above which a window alerts, as in the example. */
    public static final double TEMPERATURE_ABOVE = 30.0;
    /** A class of the IoT example: when it is missing, the example's functions are not on the classpath. */
    public static final String EXAMPLE_CLASS = "dev.tributary.examples.iot.ValidateEnrich";
    /** The bucket {@code aggregate-archive} writes the window summaries to, as in the example. */
    public static final String ARCHIVE_BUCKET = "iot-aggregates";
    /** What the archived objects' names start with, as in the example. */
    public static final String ARCHIVE_PREFIX = "telemetry-1m";

    private static final String RESOURCE = "/demo/tributary.yaml";

    /**
     * @param mqtt     the MQTT endpoint devices publish to
     * @param webhook  the webhook receiver of the alerts
     * @param commands the MQTT broker the device commands go to
     * @param archive  the S3 store the window summaries are archived to
     */
    public record Ports(int mqtt, int webhook, int commands, int archive) {
    }

    private DemoConfig() {
    }

    /** Writes the configuration with these ports to {@code dir/tributary.yaml} and returns the file. */
    public static Path write(Path dir, Ports ports) throws IOException {
        String yaml = template();
        for (Map.Entry<String, String> value : Map.of(
                "@MQTT_PORT@", Integer.toString(ports.mqtt()),
                "@WEBHOOK_PORT@", Integer.toString(ports.webhook()),
                "@COMMANDS_PORT@", Integer.toString(ports.commands()),
                "@ARCHIVE_PORT@", Integer.toString(ports.archive()),
                "@ARCHIVE_BUCKET@", ARCHIVE_BUCKET,
                "@ARCHIVE_PREFIX@", ARCHIVE_PREFIX,
                // The embedded store's well-known keys: it listens on the loopback only, for the demo's run.
                "@ARCHIVE_ACCESS_KEY@", S3Process.ACCESS_KEY,
                "@ARCHIVE_SECRET_KEY@", S3Process.SECRET_KEY,
                "@TEMPERATURE_ABOVE@", Double.toString(TEMPERATURE_ABOVE)).entrySet()) {
            yaml = yaml.replace(value.getKey(), value.getValue());
        }
        Path file = dir.resolve("tributary.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Loads the file {@link #write} wrote; an error here is a fault of the shipped template. */
    public static TributaryConfig load(Path file) {
        try {
            return ConfigLoader.load(file, System::getenv);
        } catch (ConfigException e) {
            throw new IllegalStateException("the demo's configuration " + file + " is not valid: " + e.errors(), e);
        }
    }

    /** Whether the IoT example's functions can be loaded by name, as the configuration names them. */
    public static boolean exampleFunctionsOnClasspath() {
        try {
            Class.forName(EXAMPLE_CLASS, false, DemoConfig.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String template() {
        try (InputStream in = DemoConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher's classpath; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
