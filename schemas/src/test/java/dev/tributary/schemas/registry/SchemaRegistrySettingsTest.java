package dev.tributary.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaRegistrySettingsTest {

    private static final String URL = "https://registry.example:8081";

    @Test
    void basicCredentialsComeFromTheBasicAuthVariable() {
        var settings = SchemaRegistrySettings.fromEnvironment(URL,
                Map.of("TRIBUTARY_REGISTRY_BASIC_AUTH", "alice:pa:ss"));

        assertThat(settings.credentials()).isEqualTo(RegistryCredentials.basic("alice", "pa:ss"));
    }

    @Test
    void aBearerTokenComesFromTheBearerTokenVariable() {
        var settings = SchemaRegistrySettings.fromEnvironment(URL, Map.of("TRIBUTARY_REGISTRY_BEARER_TOKEN", "t0k"));

        assertThat(settings.credentials()).isEqualTo(RegistryCredentials.bearer("t0k"));
    }

    @Test
    void withoutEitherVariableThereAreNoCredentials() {
        var settings = SchemaRegistrySettings.fromEnvironment(URL, Map.of("PATH", "/bin"));

        assertThat(settings.credentials()).isEqualTo(RegistryCredentials.none());
        assertThat(settings.credentials().authorizationHeader()).isEmpty();
    }

    @Test
    void bothVariablesAtOnceAreRejected() {
        assertThatThrownBy(() -> SchemaRegistrySettings.fromEnvironment(URL, Map.of(
                "TRIBUTARY_REGISTRY_BASIC_AUTH", "a:b", "TRIBUTARY_REGISTRY_BEARER_TOKEN", "t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both TRIBUTARY_REGISTRY_BASIC_AUTH and TRIBUTARY_REGISTRY_BEARER_TOKEN");
    }

    @Test
    void aBasicValueWithoutAColonIsRejectedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SchemaRegistrySettings.fromEnvironment(URL,
                Map.of("TRIBUTARY_REGISTRY_BASIC_AUTH", "justapassword")))
                .hasMessageContaining("TRIBUTARY_REGISTRY_BASIC_AUTH must have the form user:password")
                .hasMessageNotContaining("justapassword");
    }

    @Test
    void secretsNeverAppearInToString() {
        var settings = SchemaRegistrySettings.of(URL).withCredentials(RegistryCredentials.basic("alice", "hunter2"));

        assertThat(settings.toString()).contains("alice").doesNotContain("hunter2");
        assertThat(RegistryCredentials.bearer("tok-secret").toString()).doesNotContain("tok-secret");
    }

    @Test
    void aTrailingSlashIsDroppedFromTheBaseUrl() {
        assertThat(SchemaRegistrySettings.of("http://127.0.0.1:8080/apis/ccompat/v7/").baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8080/apis/ccompat/v7"));
    }

    @Test
    void aUrlThatIsNotHttpOrHttpsIsRejectedWithAnExample() {
        assertThatThrownBy(() -> SchemaRegistrySettings.of("localhost:8081"))
                .hasMessageContaining("must be an http or https URL with a host, such as http://localhost:8081");
    }

    @Test
    void aUrlCarryingCredentialsIsRejectedWithoutRepeatingThem() {
        assertThatThrownBy(() -> SchemaRegistrySettings.of("http://alice:hunter2@registry:8081"))
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("hunter2");
    }
}
