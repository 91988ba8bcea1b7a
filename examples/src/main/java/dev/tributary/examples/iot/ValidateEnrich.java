package dev.tributary.examples.iot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The first step of the IoT pipeline: checks each raw reading a device published over MQTT and emits it, with the
 * device's site, as an Avro {@link DeviceTelemetry} record to the function's output topic ({@code iot.telemetry}). The
 * record goes through the schema registry: Tributary registers its schema under {@code iot.telemetry-value} and writes
 * it in the Confluent wire format, so any Avro consumer of the topic can read it.
 *
 * <p>A reading that is not valid (see {@link ReadingValidator}) fails with a {@link NonRetryableException} naming
 * what is wrong, so it goes to the dead-letter topic at once and the device's later readings go on.
 *
 * <p>Settings ({@code config} in {@code tributary.yaml}):
 * <ul>
 *   <li>{@code temperatureMin}, {@code temperatureMax}: the plausible temperatures in °C, -50 and 150 by default;</li>
 *   <li>{@code sites}: device id prefix to site, the longest prefix wins ({@code {pump-: plant-berlin}});</li>
 *   <li>{@code defaultSite}: the site of a device no prefix matches, {@value SiteDirectory#DEFAULT_SITE} by
 *       default.</li>
 * </ul>
 *
 * <p>The output is keyed by the device id, its {@code time} is when the reading was taken, and its {@value #SITE}
 * extension names the site. The site travels as an attribute rather than in the data, so that the data stays exactly
 * the {@code DeviceTelemetry} schema.
 */
public final class ValidateEnrich implements EventFunction<JsonNode> {

    /** The CloudEvents type of the readings this function emits. */
    public static final String OUTPUT_TYPE = "dev.tributary.examples.iot.telemetry";
    /** The extension that carries the device's site. */
    public static final String SITE = "site";

    private volatile ReadingValidator validator;
    private volatile SiteDirectory sites;

    @Override
    public void open(FunctionConfig config) {
        KnownSettings.check(config, ValidateEnrich.class, "temperatureMin", "temperatureMax", "sites",
                "defaultSite");
        validator = ReadingValidator.from(config);
        sites = SiteDirectory.from(config);
    }

    @Override
    public void handle(Event<JsonNode> event, Context context) {
        DeviceTelemetry reading = validator.validate(event.data(), event.keyAsString(), event.time());
        context.emit(Output.ofType(OUTPUT_TYPE)
                .key(reading.getDeviceId())
                .subject(reading.getDeviceId())
                .time(OffsetDateTime.ofInstant(reading.getTimestamp(), ZoneOffset.UTC))
                .extension(SITE, sites.siteOf(reading.getDeviceId()))
                .avro(reading)
                .build());
    }
}
