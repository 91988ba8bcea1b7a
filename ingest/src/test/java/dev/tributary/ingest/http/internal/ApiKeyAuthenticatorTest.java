package dev.tributary.ingest.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tributary.ingest.http.ApiKey;
import dev.tributary.ingest.http.AuthMode;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {

    private static final ApiKey SENSORS = new ApiKey("sensors", "sensors-key-0123456789", Set.of("telemetry"));
    private static final ApiKey BILLING = new ApiKey("billing", "billing-key-0123456789", Set.of("orders", "events"));

    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(AuthMode.API_KEY, List.of(SENSORS, BILLING));

    private static MultiMap headers(String... nameValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(nameValues[i], nameValues[i + 1]);
        }
        return headers;
    }

    private String rejection(MultiMap headers) {
        RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> authenticator.authenticate(headers));
        assertThat(rejected).isNotNull();
        assertThat(rejected.reply().status()).isEqualTo(401);
        return rejected.reply().errorMessage();
    }

    @Test
    void aBearerTokenOrAnXApiKeyHeaderFindsTheKeyAndItsTopics() {
        Caller bearer = authenticator.authenticate(headers("Authorization", "Bearer billing-key-0123456789"));
        Caller header = authenticator.authenticate(headers("x-api-key", "sensors-key-0123456789"));

        assertThat(bearer.name()).isEqualTo("billing");
        assertThat(bearer.mayWrite("orders")).isTrue();
        assertThat(bearer.mayWrite("telemetry")).isFalse();
        assertThat(header.name()).isEqualTo("sensors");
        assertThat(header.mayWrite("telemetry")).isTrue();
    }

    @Test
    void aMissingUnknownOrMalformedKeyIsUnauthorized() {
        assertThat(rejection(headers())).contains("needs an API key");
        assertThat(rejection(headers("X-Api-Key", "sensors-key-012345678"))).contains("not valid");
        assertThat(rejection(headers("Authorization", "Token sensors-key-0123456789"))).contains("Bearer <API key>");
        assertThat(rejection(headers("Authorization", "Bearer "))).contains("Bearer <API key>");
    }

    @Test
    void withAuthNoneEveryCallerMayWriteEveryTopic() {
        Caller caller = new ApiKeyAuthenticator(AuthMode.NONE, List.of()).authenticate(headers());

        assertThat(caller.mayWrite("anything")).isTrue();
    }
}
