package dev.tributary.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void configuringWithoutAClientOrAUrlFailsNamingTheSetting() {
        var serializer = new AvroSerializer<Object>();

        assertThatThrownBy(() -> serializer.configure(Map.of("bootstrap.servers", "x:9092"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url is required");
    }

    @Test
    void aUrlThatIsNotHttpFailsNamingTheSetting() {
        var deserializer = new AvroDeserializer<Object>();

        assertThatThrownBy(() -> deserializer.configure(Map.of("schema.registry.url", "registry:8081"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("schema.registry.url: ");
    }

    @Test
    void aValidConfigurationBuildsAClientWithoutContactingTheRegistry() {
        try (var serializer = new AvroSerializer<Object>()) {
            serializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:9/apis/ccompat/v7",
                    "basic.auth.user.info", "alice:secret", "max.retries", 0), false);
        }
    }

    @Test
    void anUnknownSubjectNameStrategyListsTheAcceptedOnes() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("value.subject.name.strategy", "ByTopic")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy");
    }

    @Test
    void basicAndBearerCredentialsTogetherAreRejected() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("basic.auth.user.info", "a:b", "bearer.auth.token", "t")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("are both set");
    }

    @Test
    void aMaximumRetryWaitBelowTheInitialWaitIsRejected() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("retries.wait.ms", 500, "retries.max.wait.ms", 100)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("retries.max.wait.ms")
                .hasMessageContaining("must be at least retries.wait.ms (500)");
    }

    @Test
    void aSpecificTypeThatIsNotGeneratedIsRejected() {
        var deserializer = new AvroDeserializer<Object>(new InMemorySchemaRegistry(), Map.of(), false);

        assertThatThrownBy(() -> deserializer.configure(Map.of("specific.avro.value.type", String.class), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specific.avro.value.type")
                .hasMessageContaining("is not a class generated from an Avro schema");
    }

    @Test
    void everySettingIsDocumented() {
        assertThat(AvroSerdeConfig.configDef().configKeys().values())
                .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }
}
