package dev.tributary.examples.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.GeoLocation;
import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import dev.tributary.sdk.FunctionTester;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.TestEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateEnrichTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime ARRIVED = OffsetDateTime.parse("2026-01-01T10:00:30Z");
    private static final Map<String, Object> SITES = Map.of("sites", Map.of("pump-", "plant-berlin", "pump-9", "lab"));

    private static FunctionTester<JsonNode> tester() {
        return FunctionTester.of(new ValidateEnrich()).functionName("validate-enrich").outputTopic("iot.telemetry")
                .config(SITES);
    }

    private static TestEvent<JsonNode> reading(String key, String json) {
        return TestEvent.builder(parse(json)).key(key).time(ARRIVED).topic("iot.raw").build();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    @Test
    void emitsAValidReadingAsDeviceTelemetryKeyedByTheDeviceAtTheTimeItWasTaken() throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            FunctionTester.Result result = tester.send(reading("pump-7", """
                    {"deviceId":"pump-7","timestamp":1767261600000,
                     "metrics":{"temperature_c":21.5,"humidity_pct":40,"battery":0.93},
                     "location":{"lat":52.52,"lon":13.4}}"""));

            assertThat(result.succeeded()).isTrue();
            assertThat(result.outputs()).singleElement().satisfies(emitted -> {
                Output out = emitted.output();
                assertThat(emitted.topic()).isEqualTo("iot.telemetry");
                assertThat(out.type()).isEqualTo(ValidateEnrich.OUTPUT_TYPE);
                assertThat(out.key()).hasValue("pump-7".getBytes(StandardCharsets.UTF_8));
                assertThat(out.time()).hasValue(OffsetDateTime.parse("2026-01-01T10:00:00Z"));
                assertThat(out.dataContentType()).hasValue("application/avro");
                DeviceTelemetry expected = new DeviceTelemetry("pump-7", Instant.ofEpochMilli(1767261600000L),
                        Map.of("temperature_c", 21.5, "humidity_pct", 40.0, "battery", 0.93),
                        new GeoLocation(52.52, 13.4, null));
                assertThat(out.avroData()).hasValue(expected);
                // As the dispatcher writes it: the Confluent wire format, the schema under the topic's subject.
                InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
                byte[] written = AvroCodec.anyRecord(registry, Map.of()).encode("iot.telemetry", out.avroData().get());
                assertThat(registry.subjects()).containsExactly("iot.telemetry-value");
                assertThat(AvroCodec.specific(registry, DeviceTelemetry.class, Map.of()).decode("iot.telemetry", written))
                        .isEqualTo(expected);
            });
        }
    }

    @Test
    void takesAnIsoTimestampOrElseTheTimeTheEventArrived() throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            DeviceTelemetry iso = (DeviceTelemetry) tester.send(reading("pump-7", """
                    {"deviceId":"pump-7","timestamp":"2026-01-01T11:00:00+01:00",
                     "metrics":{"temperature_c":21.5,"humidity_pct":40}}""")).outputs().get(0).output().value();
            DeviceTelemetry none = (DeviceTelemetry) tester.send(reading("pump-7", """
                    {"deviceId":"pump-7","metrics":{"temperature_c":21.5,"humidity_pct":40}}""")).outputs().get(0)
                    .output().value();

            assertThat(iso.getTimestamp()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
            assertThat(none.getTimestamp()).isEqualTo(ARRIVED.toInstant());
            assertThat(none.getLocation()).isNull();
        }
    }

    @ParameterizedTest(name = "{0} is at {1}")
    @CsvSource({
            "pump-7, plant-berlin",      // prefix pump-
            "pump-92, lab",              // the longer prefix pump-9 wins
            "fan-1, unassigned"})        // no prefix: the default site
    void enrichesEachReadingWithTheSiteOfTheLongestMatchingPrefix(String device, String site) throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            FunctionTester.Result result = tester.send(reading(device,
                    "{\"deviceId\":\"" + device + "\",\"metrics\":{\"temperature_c\":20,\"humidity_pct\":50}}"));

            assertThat(result.outputs().get(0).output().extensions()).containsEntry(ValidateEnrich.SITE, site);
        }
    }

    @Test
    void aDeviceNoPrefixMatchesIsAtTheConfiguredDefaultSite() throws Exception {
        try (FunctionTester<JsonNode> tester = FunctionTester.of(new ValidateEnrich()).outputTopic("iot.telemetry")
                .config(Map.of("defaultSite", "field"))) {
            FunctionTester.Result result = tester.send(reading("fan-1",
                    "{\"deviceId\":\"fan-1\",\"metrics\":{\"temperature_c\":20,\"humidity_pct\":50}}"));

            assertThat(result.outputs().get(0).output().extensions()).containsEntry(ValidateEnrich.SITE, "field");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "the lowest plausible temperature and driest air | {\"temperature_c\":-50,\"humidity_pct\":0}",
            "the highest plausible temperature and wettest air | {\"temperature_c\":150,\"humidity_pct\":100}"})
    void acceptsTheBoundsOfThePlausibleRanges(String name, String metrics) throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            FunctionTester.Result result = tester.send(reading("pump-7",
                    "{\"deviceId\":\"pump-7\",\"metrics\":" + metrics + "}"));

            assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
            assertThat(result.outputs()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "no device id | {\"metrics\":{\"temperature_c\":20,\"humidity_pct\":50}} | deviceId is missing",
            "another device's id | {\"deviceId\":\"pump-8\",\"metrics\":{\"temperature_c\":20,\"humidity_pct\":50}}"
                    + " | deviceId 'pump-8' does not match the key 'pump-7'",
            "too cold | {\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":-50.1,\"humidity_pct\":50}}"
                    + " | metrics.temperature_c -50.1 °C is outside the plausible range -50.0..150.0 °C",
            "too hot | {\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":150.5,\"humidity_pct\":50}}"
                    + " | metrics.temperature_c 150.5 °C is outside the plausible range",
            "humidity above 100 | {\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":20,\"humidity_pct\":101}}"
                    + " | metrics.humidity_pct 101.0 % is outside the plausible range 0.0..100.0 %",
            "negative humidity | {\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":20,\"humidity_pct\":-1}}"
                    + " | metrics.humidity_pct -1.0 %",
            "no temperature | {\"deviceId\":\"pump-7\",\"metrics\":{\"humidity_pct\":50}}"
                    + " | metrics.temperature_c is missing",
            "no metrics | {\"deviceId\":\"pump-7\"} | metrics is missing",
            "a metric that is not a number | {\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":20,"
                    + "\"humidity_pct\":50,\"state\":\"on\"}} | metrics.state is \"on\", not a number",
            "a timestamp that is no time | {\"deviceId\":\"pump-7\",\"timestamp\":\"yesterday\",\"metrics\":"
                    + "{\"temperature_c\":20,\"humidity_pct\":50}} | timestamp \"yesterday\" is neither",
            "a field DeviceTelemetry does not have | {\"deviceId\":\"pump-7\",\"firmware\":\"1.2\",\"metrics\":"
                    + "{\"temperature_c\":20,\"humidity_pct\":50}} | unknown field firmware",
            "a latitude past the pole | {\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":20,"
                    + "\"humidity_pct\":50},\"location\":{\"lat\":91,\"lon\":0}} | location.lat is 91",
            "not an object | [1,2,3] | the data is not a JSON object"})
    void rejectsAnInvalidReadingForTheDeadLetterTopicSayingWhy(String name, String json, String reason)
            throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            FunctionTester.Result result = tester.send(reading("pump-7", json));

            assertThat(result.outputs()).isEmpty();
            assertThat(result.retryable()).isFalse();
            assertThat(result.failure()).containsInstanceOf(NonRetryableException.class);
            assertThat(result.failure().orElseThrow())
                    .hasMessageStartingWith("invalid reading from pump-7: ")
                    .hasMessageContaining(reason);
        }
    }

    @Test
    void rejectsAReadingWithoutDataWithoutAKeyOrWithoutAnyTime() throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            FunctionTester.Result noData = tester.send(TestEvent.<JsonNode>builder(null).key("pump-7").build());
            FunctionTester.Result noKey = tester.send(TestEvent.builder(parse(
                    "{\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":20,\"humidity_pct\":50}}")).build());
            FunctionTester.Result noTime = tester.send(TestEvent.builder(parse(
                    "{\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":20,\"humidity_pct\":50}}"))
                    .key("pump-7").build());

            assertThat(noData.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .isInstanceOf(NonRetryableException.class).hasMessageContaining("the data is missing"));
            assertThat(noKey.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .isInstanceOf(NonRetryableException.class).hasMessageContaining("key: \"{1}\""));
            assertThat(noTime.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .isInstanceOf(NonRetryableException.class)
                    .hasMessageContaining("timestamp is missing and the event has no time"));
            assertThat(tester.outputs()).isEmpty();
        }
    }

    @Test
    void theTemperatureRangeComesFromTheConfig() throws Exception {
        try (FunctionTester<JsonNode> tester = FunctionTester.of(new ValidateEnrich()).outputTopic("iot.telemetry")
                .config(Map.of("temperatureMin", 0, "temperatureMax", 40))) {
            String warm = "{\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":40,\"humidity_pct\":50}}";
            String hot = "{\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":41,\"humidity_pct\":50}}";

            assertThat(tester.send(reading("pump-7", warm)).succeeded()).isTrue();
            assertThat(tester.send(reading("pump-7", hot)).failure().orElseThrow())
                    .hasMessageContaining("outside the plausible range 0.0..40.0 °C");
        }
    }

    @Test
    void settingsThatMakeNoSenseStopTheFunctionFromStartingNamingTheSetting() throws Exception {
        String json = "{\"deviceId\":\"pump-7\",\"metrics\":{\"temperature_c\":20,\"humidity_pct\":50}}";
        try (FunctionTester<JsonNode> emptyRange = tester().config(Map.of("temperatureMin", 50, "temperatureMax", 10));
             FunctionTester<JsonNode> sitesList = tester().config(Map.of("sites", List.of("pump-")))) {
            assertThatThrownBy(() -> emptyRange.send(reading("pump-7", json)))
                    .hasMessageContaining("functions[validate-enrich].config.temperatureMin: 50.0 must be below"
                            + " temperatureMax 10.0");
            assertThatThrownBy(() -> sitesList.send(reading("pump-7", json)))
                    .hasMessageContaining("functions[validate-enrich].config.sites: '[pump-]' is not a mapping");
        }
    }
}
