package dev.tributary.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.cron.MisfirePolicy;
import dev.tributary.ingest.http.ApiKey;
import dev.tributary.ingest.http.AuthMode;
import dev.tributary.ingest.http.EventRoute;
import dev.tributary.ingest.http.HttpIngestSettings;
import dev.tributary.ingest.http.WebhookRoute;
import dev.tributary.ingest.mqtt.MqttBridgeSettings;
import dev.tributary.ingest.mqtt.MqttCredentials;
import dev.tributary.ingest.mqtt.MqttDirectSettings;
import dev.tributary.ingest.mqtt.MqttMapping;
import dev.tributary.ingest.mqtt.PayloadCodec;
import dev.tributary.schemas.filter.EventFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The {@code ingest} section: HTTP routes, keys and webhooks, and cron schedules, read and checked with lines. */
class IngestConfigTest {

    private static final Function<String, String> ENV = Map.of(
            "SENSORS_KEY", "k-0123456789abcdef",
            "GITHUB_SECRET", "gh-secret")::get;

    @Test
    void aFullIngestSectionLoadsIntoTheAdaptersSettings() throws ConfigException {
        TributaryConfig config = parse("""
                ingest:
                  deliveryTimeout: 5s
                  maxInFlightEvents: 500
                  http:
                    port: 8088
                    maxBodySize: 2048
                    apiKeys:
                      - name: sensors
                        key: ${env:SENSORS_KEY}
                        topics: [telemetry, raw]
                    routes:
                      - match: { type: { prefix: com.example.telemetry } }
                        topic: telemetry
                    defaultTopic: events
                    topics: [raw]
                    keyPointer: /device
                    webhooks:
                      - name: github
                        topic: github
                        eventType: com.github.push
                        secret: ${env:GITHUB_SECRET}
                        idHeader: X-GitHub-Delivery
                  cron:
                    schedules:
                      - name: nightly
                        expression: "0 2 * * *"
                        timeZone: Europe/Berlin
                        topic: reports
                        data: { report: daily }
                        misfire: skip
                """);

        IngestSettings ingest = config.ingest();
        assertThat(ingest.deliveryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ingest.maxInFlightEvents()).isEqualTo(500);
        HttpIngestSettings http = ingest.http().orElseThrow();
        assertThat(http.host()).isEqualTo("127.0.0.1");
        assertThat(http.port()).isEqualTo(8088);
        assertThat(http.maxBodySize()).isEqualTo(2048);
        assertThat(http.auth()).isEqualTo(AuthMode.API_KEY);
        assertThat(http.apiKeys()).containsExactly(new ApiKey("sensors", "k-0123456789abcdef",
                Set.of("telemetry", "raw")));
        assertThat(http.routes()).containsExactly(new EventRoute(new EventFilter.Prefix("type",
                "com.example.telemetry"), "telemetry"));
        assertThat(http.defaultTopic()).contains("events");
        assertThat(http.topics()).containsExactly("raw");
        assertThat(http.keyPointer()).contains("/device");
        WebhookRoute github = http.webhooks().getFirst();
        assertThat(github.name()).isEqualTo("github");
        assertThat(github.signature().header()).isEqualTo("X-Hub-Signature-256");
        assertThat(github.signature().secret()).isEqualTo("gh-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(github.idHeader()).contains("X-GitHub-Delivery");
        assertThat(ingest.cron().orElseThrow().schedules()).containsExactly(new CronSchedule("nightly", "0 2 * * *",
                ZoneId.of("Europe/Berlin"), "reports", Optional.of("{\"report\":\"daily\"}"), MisfirePolicy.SKIP));
    }

    @Test
    void storageSourcesLoadWithTheirSecretsFromTheEnvironment() throws ConfigException {
        IngestSettings ingest = parse("""
                ingest:
                  http: { auth: none }
                  storage:
                    webhooks:
                      - { name: uploads, topic: uploads, dedupWindow: 0s }
                    polling:
                      - name: archive
                        topic: archive-events
                        bucket: archive
                        endpoint: http://127.0.0.1:9000
                        accessKeyId: ${env:SENSORS_KEY}
                        secretAccessKey: ${env:GITHUB_SECRET}
                        interval: 5s
                    directories:
                      - { name: inbox, topic: files, path: inbox }
                """).ingest();

        StorageIngestSettings storage = ingest.storage().orElseThrow();
        assertThat(storage.webhooks().getFirst().dedup().window()).isZero();
        assertThat(storage.polling().getFirst().credentials().secretAccessKey()).isEqualTo("gh-secret");
        assertThat(storage.polling().getFirst().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(storage.directories().getFirst().directory().normalize()).isEqualTo(Path.of("inbox"));
        assertThat(ingest.any()).isTrue();
    }

    @Test
    void storageWebhooksNeedTheHttpAdapter() {
        assertThat(errors("""
                ingest:
                  storage:
                    webhooks: [ { name: uploads, topic: uploads } ]
                """)).containsExactly("tributary.yaml:2: ingest.storage: storage.webhooks are served by the HTTP"
                + " adapter at POST /storage/{name}; add an ingest.http section");
    }

    @Test
    void mqttMappingsUsersAndTheBridgeLoad() throws ConfigException {
        MqttIngestSettings mqtt = parse("""
                ingest:
                  mqtt:
                    direct:
                      port: 1884
                      auth: password
                      users:
                        - { username: pump-7, password: "${env:SENSORS_KEY}", publish: ["devices/pump-7/#"] }
                      mappings:
                        - { filter: "devices/+/telemetry", topic: telemetry, key: "{1}", codec: json }
                    bridge:
                      clientId: replica-1
                      username: tributary
                      password: ${env:GITHUB_SECRET}
                      mappings:
                        - { filter: "plant/+/alarm", topic: alarms }
                """).ingest().mqtt().orElseThrow();

        MqttDirectSettings direct = mqtt.direct().orElseThrow();
        assertThat(direct.port()).isEqualTo(1884);
        assertThat(direct.users()).singleElement().satisfies(user -> {
            assertThat(user.password()).isEqualTo("k-0123456789abcdef");
            assertThat(user.publishFilters()).containsExactly("devices/pump-7/#");
        });
        assertThat(direct.mappings()).containsExactly(MqttMapping.of("devices/+/telemetry", "telemetry")
                .withKey("{1}").withCodec(PayloadCodec.JSON));
        MqttBridgeSettings bridge = mqtt.bridge().orElseThrow();
        assertThat(bridge.clientId()).isEqualTo("replica-1");
        assertThat(bridge.credentials()).contains(new MqttCredentials("tributary", "gh-secret"));
        assertThat(mqtt.needsRegistry()).isFalse();
    }

    @Test
    void aBridgeUsernameWithoutAPasswordIsAnError() {
        assertThat(errors("""
                ingest:
                  mqtt:
                    bridge:
                      clientId: replica-1
                      username: tributary
                      mappings: [ { filter: "a/#", topic: a } ]
                """)).containsExactly("tributary.yaml:5: ingest.mqtt.bridge.username: username and password go"
                + " together; set both, or neither for an anonymous connection");
    }

    @Test
    void withoutAnIngestSectionNoAdapterRuns() throws ConfigException {
        assertThat(parse("functions: []").ingest().any()).isFalse();
    }

    @Test
    void aSecretWrittenInTheFileIsAnError() {
        assertThat(errors("""
                ingest:
                  http:
                    apiKeys:
                      - name: sensors
                        key: k-0123456789abcdef
                        topics: [raw]
                    topics: [raw]
                """)).containsExactly("tributary.yaml:5: ingest.http.apiKeys[0].key: a secret is written as"
                + " ${env:NAME} and set in the environment, never in the file");
    }

    @Test
    void apiKeyAuthWithoutKeysSaysHowToFixIt() {
        assertThat(errors("""
                ingest:
                  http:
                    topics: [raw]
                """)).containsExactly("tributary.yaml:2: ingest.http.auth: auth is api-key (the default) but apiKeys"
                + " lists no key; add apiKeys with keys from ${env:NAME}, or set auth: none for development");
    }

    @Test
    void aRuleOfTheAdaptersOwnIsReportedAtItsSection() {
        assertThat(errors("""
                ingest:
                  http:
                    apiKeys:
                      - name: sensors
                        key: ${env:SENSORS_KEY}
                        topics: [elsewhere]
                    topics: [raw]
                """)).singleElement().asString().startsWith("tributary.yaml:2: ingest.http: ")
                .contains("elsewhere");
    }

    @Test
    void aHexSignatureNeedsItsHeader() {
        assertThat(errors("""
                ingest:
                  http:
                    auth: none
                    webhooks:
                      - name: shop
                        topic: orders
                        eventType: com.shop.order
                        signature: hex
                        secret: ${env:GITHUB_SECRET}
                """)).containsExactly("tributary.yaml:8: ingest.http.webhooks[0].signature: signature: hex needs"
                + " signatureHeader, the header that carries it");
    }

    @Test
    void cronMistakesAreReportedWithTheirLines() {
        List<String> errors = errors("""
                ingest:
                  cron:
                    schedules:
                      - name: nightly
                        expression: "0 2 * *"
                        topic: reports
                      - name: nightly
                        expression: "0 3 * * *"
                        timeZone: Mars/Olympus
                        topic: reports
                        misfire: later
                """);

        assertThat(errors).anySatisfy(error -> assertThat(error)
                .startsWith("tributary.yaml:5: ingest.cron.schedules[0].expression: ").contains("0 2 * *"));
        assertThat(errors).contains(
                "tributary.yaml:9: ingest.cron.schedules[1].timeZone: 'Mars/Olympus' is not a time zone: use an IANA"
                        + " id such as Europe/Berlin, or UTC",
                "tributary.yaml:11: ingest.cron.schedules[1].misfire: 'later' is not one of fire-once, skip,"
                        + " fire-all");
    }

    @Test
    void scheduleNamesMustBeUnique() {
        assertThat(errors("""
                ingest:
                  cron:
                    schedules:
                      - { name: tick, expression: "* * * * *", topic: ticks }
                      - { name: tick, expression: "*/5 * * * *", topic: ticks }
                """)).containsExactly("tributary.yaml:5: ingest.cron.schedules[1].name: 'tick' is already the name of"
                + " ingest.cron.schedules[0] (line 4); schedule names must be unique");
    }

    private static TributaryConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse("tributary.yaml", yaml, Path.of("."), ENV);
    }

    private static List<String> errors(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
        assertThat(e).as("a ConfigException").isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }
}
