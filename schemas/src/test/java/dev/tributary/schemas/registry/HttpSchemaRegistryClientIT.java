package dev.tributary.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testkit.SchemaRegistryUrl;
import dev.tributary.testkit.WithSchemaRegistry;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The client against a real registry (Apicurio's Confluent-compatible API), BACKWARD by default. */
@WithSchemaRegistry
class HttpSchemaRegistryClientIT {

    private static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Reading", "namespace": "it", "fields": [
              {"name": "sensor", "type": "string"}
            ]}""");
    private static final Schema V2_WITH_DEFAULT = new Schema.Parser().parse("""
            {"type": "record", "name": "Reading", "namespace": "it", "fields": [
              {"name": "sensor", "type": "string"},
              {"name": "unit", "type": "string", "default": "celsius"}
            ]}""");
    private static final Schema V2_WITHOUT_DEFAULT = new Schema.Parser().parse("""
            {"type": "record", "name": "Reading", "namespace": "it", "fields": [
              {"name": "sensor", "type": "string"},
              {"name": "unit", "type": "string"}
            ]}""");

    /** The registry lives for the whole run: each test uses subjects of its own. */
    private static String subject(TestInfo test) {
        return "it-" + test.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID() + "-value";
    }

    private static HttpSchemaRegistryClient client(String url) {
        return new HttpSchemaRegistryClient(SchemaRegistrySettings.of(url));
    }

    @Test
    void registerReturnsAnIdThatGetByIdResolvesToTheSchema(@SchemaRegistryUrl String url, TestInfo test) {
        String subject = subject(test);
        int id;
        try (var client = client(url)) {
            id = client.register(subject, V1);
            assertThat(client.register(subject, V1)).isEqualTo(id);
        }
        try (var fresh = client(url)) {  // nothing cached
            assertThat(fresh.getById(id)).isEqualTo(V1);
            assertThat(fresh.register(subject, V1)).as("registering again is idempotent").isEqualTo(id);
        }
    }

    @Test
    void aCompatibleEvolutionBecomesTheLatestVersion(@SchemaRegistryUrl String url, TestInfo test) {
        String subject = subject(test);
        try (var client = client(url)) {
            int first = client.register(subject, V1);
            int second = client.register(subject, V2_WITH_DEFAULT);

            RegisteredSchema latest = client.getLatestVersion(subject);

            assertThat(second).isNotEqualTo(first);
            assertThat(latest).isEqualTo(new RegisteredSchema(subject, second, 2, V2_WITH_DEFAULT));
        }
    }

    @Test
    void anIncompatibleChangeIsRejectedAsIncompatible(@SchemaRegistryUrl String url, TestInfo test) {
        String subject = subject(test);
        try (var client = client(url)) {
            client.register(subject, V1);

            assertThatThrownBy(() -> client.register(subject, V2_WITHOUT_DEFAULT))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.isIncompatible()).isTrue();
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.isRetriable()).isFalse();
                    })
                    .hasMessageContaining("make the change compatible");
            assertThat(client.getLatestVersion(subject).version()).isEqualTo(1);
        }
    }

    @Test
    void theCompatibilityCheckJudgesCandidatesAgainstTheLatestVersion(@SchemaRegistryUrl String url,
                                                                      TestInfo test) {
        String subject = subject(test);
        try (var client = client(url)) {
            client.register(subject, V1);

            assertThat(client.testCompatibility(subject, V2_WITH_DEFAULT).compatible()).isTrue();
            assertThat(client.testCompatibility(subject, V2_WITHOUT_DEFAULT).compatible()).isFalse();
            assertThat(client.getLatestVersion(subject).schema()).as("checking registers nothing").isEqualTo(V1);
        }
    }

    @Test
    void getIdFindsARegisteredSchemaAndReportsAnUnregisteredOneAsNotFound(@SchemaRegistryUrl String url,
                                                                         TestInfo test) {
        String subject = subject(test);
        int id;
        try (var client = client(url)) {
            id = client.register(subject, V1);
        }
        try (var client = client(url)) {
            assertThat(client.getId(subject, V1)).isEqualTo(id);
            assertThatThrownBy(() -> client.getId(subject, V2_WITH_DEFAULT))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.isNotFound()).isTrue());
            assertThatThrownBy(() -> client.getId(subject + "-missing", V1))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.isNotFound()).isTrue());
        }
    }

    @Test
    void anUnknownIdIsReportedAsNotFound(@SchemaRegistryUrl String url) {
        try (var client = client(url)) {
            assertThatThrownBy(() -> client.getById(987_654_321))
                    .isInstanceOfSatisfying(SchemaRegistryException.class,
                            e -> assertThat(e.isNotFound()).isTrue());
        }
    }

    @Test
    void theGlobalCompatibilityCanBeReadAndChanged(@SchemaRegistryUrl String url) {
        try (var client = client(url)) {
            assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
            try {
                assertThat(client.setGlobalCompatibility(CompatibilityLevel.FULL)).isEqualTo(CompatibilityLevel.FULL);
                assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
            } finally {
                // Other test classes of the run share this registry and expect BACKWARD.
                client.setGlobalCompatibility(CompatibilityLevel.BACKWARD);
            }
        }
    }

    @Test
    void aSubjectsOwnCompatibilityCanBeSetReadAndTakesEffect(@SchemaRegistryUrl String url, TestInfo test) {
        String subject = subject(test);
        try (var client = client(url)) {
            client.register(subject, V1);

            assertThat(client.setSubjectCompatibility(subject, CompatibilityLevel.FORWARD))
                    .isEqualTo(CompatibilityLevel.FORWARD);

            assertThat(client.getSubjectCompatibility(subject)).contains(CompatibilityLevel.FORWARD);
            // A field without a default breaks BACKWARD (the global level) but not FORWARD.
            client.register(subject, V2_WITHOUT_DEFAULT);
            assertThat(client.getLatestVersion(subject).schema()).isEqualTo(V2_WITHOUT_DEFAULT);
            assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        }
    }
}
