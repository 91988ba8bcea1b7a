package dev.tributary.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

    private static final Schema ORDER = SchemaBuilder.record("Order").namespace("test")
            .fields().requiredString("id").endRecord();
    private static final Schema PAYMENT = SchemaBuilder.record("Payment").namespace("test")
            .fields().requiredLong("amount").endRecord();
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(250));

    private final ScriptedRegistry registry = new ScriptedRegistry();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private HttpSchemaRegistryClient client(SchemaRegistrySettings settings) {
        return new HttpSchemaRegistryClient(settings.withRetry(RETRY), sleeps::add);
    }

    private HttpSchemaRegistryClient client() {
        return client(SchemaRegistrySettings.of(registry.url()));
    }

    @Test
    void registerPostsTheSchemaWithTheRegistryContentTypeAndReturnsItsId() throws Exception {
        registry.answer(200, "{\"id\":42}");
        try (var client = client()) {
            assertThat(client.register("orders-value", ORDER)).isEqualTo(42);
        }
        ScriptedRegistry.Request request = registry.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/orders-value/versions");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(new Schema.Parser().parse(new ObjectMapper().readTree(request.body()).get("schema").asText()))
                .isEqualTo(ORDER);
    }

    @Test
    void registeringTheSameSchemaAgainIsAnsweredFromTheCache() {
        registry.answer(200, "{\"id\":7}");
        try (var client = client()) {
            client.register("orders-value", ORDER);
            Schema sameContent = new Schema.Parser().parse(ORDER.toString());

            assertThat(client.register("orders-value", sameContent)).isEqualTo(7);
            assertThat(client.getId("orders-value", ORDER)).isEqualTo(7);
            assertThat(client.getById(7)).isEqualTo(ORDER);
        }
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void getIdLooksTheSchemaUpUnderTheSubjectWithoutRegistering() {
        registry.answer(200, "{\"subject\":\"orders-value\",\"id\":9,\"version\":2,\"schema\":\"\\\"string\\\"\"}");
        try (var client = client()) {
            assertThat(client.getId("orders-value", ORDER)).isEqualTo(9);
        }
        assertThat(registry.requests()).extracting(ScriptedRegistry.Request::method, ScriptedRegistry.Request::path)
                .containsExactly(tuple("POST", "/subjects/orders-value"));
    }

    @Test
    void getByIdParsesTheSchemaAndAsksOnlyOnce() {
        registry.answer(200, schemaAnswer(ORDER));
        try (var client = client()) {
            assertThat(client.getById(5)).isEqualTo(ORDER);
            assertThat(client.getById(5)).isEqualTo(ORDER);
        }
        assertThat(registry.requests()).extracting(ScriptedRegistry.Request::path).containsExactly("/schemas/ids/5");
    }

    @Test
    void cachesHoldAtMostTheirCapacityAndDropTheLeastRecentlyUsed() {
        registry.answer(200, schemaAnswer(ORDER)).answer(200, schemaAnswer(PAYMENT)).answer(200, schemaAnswer(ORDER))
                .answer(200, schemaAnswer(PAYMENT));
        try (var client = client(SchemaRegistrySettings.of(registry.url()).withCacheCapacity(2))) {
            client.getById(1);
            client.getById(2);
            client.getById(1);  // 1 is now more recent than 2
            client.getById(3);  // evicts 2
            client.getById(1);  // still cached
            client.getById(2);  // fetched again
        }
        assertThat(registry.requests()).extracting(ScriptedRegistry.Request::path)
                .containsExactly("/schemas/ids/1", "/schemas/ids/2", "/schemas/ids/3", "/schemas/ids/2");
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoffUntilAnAnswer() {
        registry.error(503, 50003, "unavailable").error(500, 50001, "store").answer(200, "{\"id\":3}");
        try (var client = client()) {
            assertThat(client.register("orders-value", ORDER)).isEqualTo(3);
        }
        assertThat(registry.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void connectionsClosedWithoutAnAnswerAreRetried() {
        // A POST: the JDK client itself repeats a GET once on such a connection, which would hide ours.
        registry.hangUp().answer(200, "{\"id\":8}");
        try (var client = client()) {
            assertThat(client.register("orders-value", ORDER)).isEqualTo(8);
        }
        assertThat(registry.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void afterTheLastRetryTheServerErrorIsThrownAsRetriable() {
        for (int i = 0; i < 4; i++) {
            registry.error(503, 50003, "leader election");
        }
        try (var client = client()) {
            assertThatThrownBy(() -> client.getById(1))
                    .asInstanceOf(type(SchemaRegistryException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.errorCode()).isEqualTo(50003);
                        assertThat(e.isRetriable()).isTrue();
                        assertThat(e).hasMessageContaining("after 4 attempts").hasMessageContaining("leader election");
                    });
        }
        assertThat(registry.requests()).hasSize(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void clientErrorsAreNeverRetried() {
        registry.error(422, 42201, "Invalid schema");
        try (var client = client()) {
            assertThatThrownBy(() -> client.register("orders-value", ORDER))
                    .asInstanceOf(type(SchemaRegistryException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA);
                        assertThat(e.isRetriable()).isFalse();
                    });
        }
        assertThat(registry.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anIncompatibleRegistrationIsIdentifiableAndSaysWhatToDo() {
        registry.error(409, 409, "Schema being registered is incompatible with an earlier schema");
        try (var client = client()) {
            assertThatThrownBy(() -> client.register("orders-value", ORDER))
                    .asInstanceOf(type(SchemaRegistryException.class))
                    .satisfies(e -> {
                        assertThat(e.isIncompatible()).isTrue();
                        assertThat(e.isNotFound()).isFalse();
                        assertThat(e.registryMessage()).startsWith("Schema being registered is incompatible");
                        assertThat(e).hasMessageContaining("POST /subjects/orders-value/versions")
                                .hasMessageContaining("add fields only with defaults");
                    });
        }
    }

    @Test
    void notFoundErrorsTellSubjectVersionAndSchemaApart() {
        registry.error(404, 40401, "Subject not found").error(404, 40402, "Version not found")
                .error(404, 40403, "Schema not found");
        try (var client = client()) {
            SchemaRegistryException subject = catchRegistryError(() -> client.getLatestVersion("nope"));
            SchemaRegistryException version = catchRegistryError(() -> client.getLatestVersion("orders-value"));
            SchemaRegistryException schema = catchRegistryError(() -> client.getById(99));

            assertThat(subject.isSubjectNotFound()).isTrue();
            assertThat(version.isVersionNotFound()).isTrue();
            assertThat(schema.isSchemaNotFound()).isTrue();
            assertThat(List.of(subject, version, schema)).allMatch(SchemaRegistryException::isNotFound)
                    .noneMatch(SchemaRegistryException::isRetriable);
            assertThat(subject.isSchemaNotFound()).isFalse();
        }
    }

    @Test
    void anErrorBodyThatIsNotJsonKeepsTheStatusAndTheText() {
        registry.answer(403, "<html>Forbidden by proxy</html>");
        try (var client = client()) {
            SchemaRegistryException e = catchRegistryError(() -> client.getById(1));

            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorCode()).isEqualTo(403);
            assertThat(e.registryMessage()).isEqualTo("<html>Forbidden by proxy</html>");
            assertThat(e).hasMessageContaining("TRIBUTARY_REGISTRY_BASIC_AUTH");
        }
    }

    @Test
    void aFailedLookupIsNotCached() {
        registry.error(404, 40403, "Schema not found").answer(200, "{\"id\":4}");
        try (var client = client()) {
            catchRegistryError(() -> client.getId("orders-value", ORDER));
            assertThat(client.getId("orders-value", ORDER)).isEqualTo(4);
        }
    }

    @Test
    void basicCredentialsAreSentAsAnAuthorizationHeader() {
        registry.answer(200, schemaAnswer(ORDER));
        var settings = SchemaRegistrySettings.of(registry.url())
                .withCredentials(RegistryCredentials.basic("alice", "s3cr:et"));
        try (var client = client(settings)) {
            client.getById(1);
        }
        assertThat(registry.requests().getFirst().header("Authorization"))
                .isEqualTo("Basic YWxpY2U6czNjcjpldA==");  // base64("alice:s3cr:et")
    }

    @Test
    void aBearerTokenIsSentAsAnAuthorizationHeader() {
        registry.answer(200, schemaAnswer(ORDER));
        var settings = SchemaRegistrySettings.of(registry.url()).withCredentials(RegistryCredentials.bearer("tok-1"));
        try (var client = client(settings)) {
            client.getById(1);
        }
        assertThat(registry.requests().getFirst().header("Authorization")).isEqualTo("Bearer tok-1");
    }

    @Test
    void latestVersionCarriesSubjectIdVersionAndSchema() throws Exception {
        registry.answer(200, new ObjectMapper().createObjectNode().put("subject", "orders-value").put("id", 12)
                .put("version", 3).put("schema", ORDER.toString()).toString());
        try (var client = client()) {
            assertThat(client.getLatestVersion("orders-value"))
                    .isEqualTo(new RegisteredSchema("orders-value", 12, 3, ORDER));
        }
        assertThat(registry.requests().getFirst().path()).isEqualTo("/subjects/orders-value/versions/latest");
    }

    @Test
    void aCompatibilityCheckReturnsTheVerdictAndTheRegistrysReasons() {
        registry.answer(200, "{\"is_compatible\":false,\"messages\":[\"reader field 'x' has no default\"]}");
        try (var client = client()) {
            assertThat(client.testCompatibility("orders-value", ORDER))
                    .isEqualTo(new CompatibilityResult(false, List.of("reader field 'x' has no default")));
        }
        assertThat(registry.requests().getFirst().path())
                .isEqualTo("/compatibility/subjects/orders-value/versions/latest?verbose=true");
    }

    @Test
    void globalAndSubjectCompatibilityAreReadAndWritten() {
        registry.answer(200, "{\"compatibilityLevel\":\"BACKWARD\"}")
                .answer(200, "{\"compatibility\":\"FULL\"}")
                .answer(200, "{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}")
                .answer(200, "{\"compatibility\":\"NONE\"}");
        try (var client = client()) {
            assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
            assertThat(client.setGlobalCompatibility(CompatibilityLevel.FULL)).isEqualTo(CompatibilityLevel.FULL);
            assertThat(client.getSubjectCompatibility("orders-value")).contains(CompatibilityLevel.FORWARD_TRANSITIVE);
            assertThat(client.setSubjectCompatibility("orders-value", CompatibilityLevel.NONE))
                    .isEqualTo(CompatibilityLevel.NONE);
        }
        assertThat(registry.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.body()).containsExactly(
                "GET /config ",
                "PUT /config {\"compatibility\":\"FULL\"}",
                "GET /config/orders-value ",
                "PUT /config/orders-value {\"compatibility\":\"NONE\"}");
    }

    @Test
    void aSubjectWithoutItsOwnLevelHasNoSubjectCompatibility() {
        registry.error(404, 40408, "Subject 'orders-value' does not have subject-level compatibility configured");
        try (var client = client()) {
            assertThat(client.getSubjectCompatibility("orders-value")).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aSubjectIsEncodedAsOnePathSegment() {
        registry.answer(200, "{\"id\":1}");
        try (var client = client()) {
            client.register("a/b c", ORDER);
        }
        assertThat(registry.requests().getFirst().path()).isEqualTo("/subjects/a%2Fb%20c/versions");
    }

    @Test
    void anAnswerWithoutTheExpectedFieldIsReportedWithTheAnswer() {
        registry.answer(200, "{\"ident\":1}");
        try (var client = client()) {
            assertThatThrownBy(() -> client.register("orders-value", ORDER))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("has no integer 'id'")
                    .hasMessageContaining("{\"ident\":1}");
        }
    }

    private static String schemaAnswer(Schema schema) {
        return new ObjectMapper().createObjectNode().put("schema", schema.toString()).toString();
    }

    private static SchemaRegistryException catchRegistryError(Runnable call) {
        try {
            call.run();
        } catch (SchemaRegistryException e) {
            return e;
        }
        throw new AssertionError("expected a SchemaRegistryException");
    }
}
