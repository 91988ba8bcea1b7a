package dev.tributary.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.SettingsException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings records check themselves and name the setting at fault. */
class MqttSettingsTest {

    private static final MqttMapping TELEMETRY = MqttMapping.of("devices/+/telemetry", "telemetry").withKey("{1}");

    @Test
    void aMappingHasDefaultsForEverythingButFilterAndTopic() {
        MqttMapping mapping = MqttMapping.of("devices/+/telemetry", "telemetry");

        assertThat(mapping.key()).isEmpty();
        assertThat(mapping.codec()).isEqualTo(PayloadCodec.BYTES);
        assertThat(mapping.type()).isEqualTo("dev.tributary.mqtt.message");
        assertThat(mapping.invalidTopic()).isEqualTo("telemetry.invalid");
    }

    @Test
    void aMappingRefusesWhatCannotWorkNamingTheField() {
        assertThatThrownBy(() -> MqttMapping.of("devices/#/x", "t")).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("filter: ");
        assertThatThrownBy(() -> MqttMapping.of("devices/+", "no spaces")).hasMessageStartingWith("topic: ");
        assertThatThrownBy(() -> MqttMapping.of("devices/+", "t").withKey("{2}"))
                .hasMessageStartingWith("key: ").hasMessageContaining("only 1 wildcard");
        assertThatThrownBy(() -> MqttMapping.of("devices/+", "t").withInvalidTopic("t"))
                .hasMessageStartingWith("invalidTopic: ");
        assertThatThrownBy(() -> MqttMapping.of("devices/+", "t").withType(" ")).hasMessageStartingWith("type: ");
    }

    @Test
    void codecsAreNamedAsInTheConfigurationFile() {
        assertThat(PayloadCodec.parse("telemetry-avro")).isEqualTo(PayloadCodec.TELEMETRY_AVRO);
        assertThatThrownBy(() -> PayloadCodec.parse("xml")).hasMessage("codec: 'xml' is not one of bytes, json, "
                + "telemetry-avro");
    }

    @Test
    void directDefaultsBindLoopbackOn1883WithoutAuthentication() {
        MqttDirectSettings settings = MqttDirectSettings.builder().mapping(TELEMETRY).build();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(1883);
        assertThat(settings.auth()).isEqualTo(MqttAuthMode.NONE);
        assertThat(settings.tls()).isEmpty();
        assertThat(settings.receiveMaximum()).isEqualTo(32);
    }

    @Test
    void directSettingsRefuseConfigurationsThatWouldLockOutOrFoolDevices() {
        MqttUser alice = new MqttUser("alice", "alice-password", List.of("devices/alice/#"));

        assertThatThrownBy(() -> MqttDirectSettings.builder().build()).hasMessageStartingWith("mappings: is empty");
        assertThatThrownBy(() -> MqttDirectSettings.builder().mapping(TELEMETRY).auth(MqttAuthMode.PASSWORD).build())
                .hasMessageStartingWith("users: ");
        assertThatThrownBy(() -> MqttDirectSettings.builder().mapping(TELEMETRY).user(alice).build())
                .hasMessageStartingWith("auth: is none");
        assertThatThrownBy(() -> MqttDirectSettings.builder().mapping(TELEMETRY).auth(MqttAuthMode.PASSWORD)
                .user(alice).user(alice).build()).hasMessageStartingWith("users[1].username: ");
        assertThatThrownBy(() -> MqttDirectSettings.builder().mapping(TELEMETRY).mapping(TELEMETRY).build())
                .hasMessageStartingWith("mappings[1].filter: ");
        assertThatThrownBy(() -> MqttDirectSettings.builder().mapping(TELEMETRY).port(70_000).build())
                .hasMessageStartingWith("port: ");
    }

    @Test
    void usersNeedARealPasswordAndSomewhereToPublish() {
        assertThatThrownBy(() -> new MqttUser("bob", "short", List.of("#"))).hasMessageStartingWith("password: ");
        assertThatThrownBy(() -> new MqttUser("bob", "long-enough", List.of())).hasMessageStartingWith("publishFilters: ");
        assertThatThrownBy(() -> new MqttUser("bob", "long-enough", List.of("a/#/b")))
                .hasMessageStartingWith("publishFilters[0]: ");
        assertThat(new MqttUser("bob", "long-enough", List.of("#")).toString()).doesNotContain("long-enough");
    }

    @Test
    void bridgeNeedsAStableClientIdAndDisjointFilters() {
        MqttBridgeSettings.Builder bridge = MqttBridgeSettings.builder().mapping(TELEMETRY);

        assertThatThrownBy(bridge::build).hasMessageStartingWith("clientId: is empty");
        MqttBridgeSettings settings = bridge.clientId("replica-0").build();
        assertThat(settings.url()).isEqualTo("mqtt://127.0.0.1:1883");
        assertThat(settings.group()).isEqualTo("tributary");
        assertThat(settings.qos()).isEqualTo(1);
        assertThat(settings.sessionExpiry()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> settings.toBuilder().mapping(MqttMapping.of("devices/pump-7/#", "pumps")).build())
                .hasMessageStartingWith("mappings[1].filter: ").hasMessageContaining("overlaps");
        assertThatThrownBy(() -> settings.toBuilder().group("a/b").build()).hasMessageStartingWith("group: ");
        assertThatThrownBy(() -> settings.toBuilder().qos(0).build()).hasMessageStartingWith("qos: ");
        assertThatThrownBy(() -> settings.toBuilder().sessionExpiry(Duration.ZERO).build())
                .hasMessageStartingWith("sessionExpiry: ");
        assertThatThrownBy(() -> settings.toBuilder().url("http://broker").build()).hasMessageStartingWith("url: ")
                .hasMessageContaining("mqtt://");
    }

    @Test
    void pathsCanBePlacedUnderTheirParent() {
        SettingsException e = new SettingsException("key", "is wrong");

        assertThat(e.under("mappings[2]").under("ingest.mqtt.direct"))
                .hasMessage("ingest.mqtt.direct.mappings[2].key: is wrong");
    }

    @Test
    void aTelemetryAvroMappingWithoutASchemaRegistryIsRefusedAtStart() {
        MqttDirectSettings settings = MqttDirectSettings.builder().port(0)
                .mapping(TELEMETRY.withCodec(PayloadCodec.TELEMETRY_AVRO)).build();

        assertThatThrownBy(() -> MqttDirectIngest.start(settings, new NeverPublisher(), new SimpleMeterRegistry()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("mappings[0].codec: telemetry-avro")
                .hasMessageContaining("configure the schema registry, or use codec json");
    }
}
