package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a mapping checks a payload and what event data it makes of it. */
public enum PayloadCodec {
    /**
     * Any payload, unchanged; content type the one an MQTT 5 publisher gave, else {@code application/octet-stream}.
     * Nothing is invalid.
     */
    BYTES("bytes"),
    /**
     * One valid JSON value, unchanged, as {@code application/json}. Anything else (not JSON, trailing content,
     * duplicate member names, an empty payload) goes to the invalid topic.
     */
    JSON("json"),
    /**
     * A JSON telemetry reading, checked against the {@code DeviceTelemetry} schema and written as Avro in the
     * Confluent wire format ({@code application/avro}) with the schema registry; keyed by the device id. Needs a
     * schema registry: the adapter refuses to start without one. Readings that do not fit go to the invalid topic.
     */
    TELEMETRY_AVRO("telemetry-avro");

    private final String configName;

    PayloadCodec(String configName) {
        this.configName = configName;
    }

    /** The name in the configuration file: {@code bytes}, {@code json}, {@code telemetry-avro}. */
    public String configName() {
        return configName;
    }

    /** Whether the codec may find a payload malformed, and so send it to the invalid topic. */
    public boolean validates() {
        return this != BYTES;
    }

    /**
     * The codec named {@code name} in a configuration file.
     *
     * @throws SettingsException naming the codecs there are
     */
    public static PayloadCodec parse(String name) {
        for (PayloadCodec codec : values()) {
            if (codec.configName.equals(name)) {
                return codec;
            }
        }
        throw new SettingsException("codec", "'" + name + "' is not one of "
                + Arrays.stream(values()).map(PayloadCodec::configName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return configName;
    }
}
