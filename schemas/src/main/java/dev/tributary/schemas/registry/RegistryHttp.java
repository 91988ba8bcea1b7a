package dev.tributary.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request of the registry's REST API and returns its JSON answer: sets the content type and the
 * credentials, repeats the request by the {@link RetryPolicy} when there is no answer or a 5xx answer, and
 * turns a refusal into a {@link SchemaRegistryException} that says what to do.
 */
final class RegistryHttp implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_BODY_IN_MESSAGE = 300;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);

    private final HttpClient http;
    private final String baseUrl;
    private final Optional<String> authorization;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final Sleeper sleeper;
    private final ObjectMapper json;

    RegistryHttp(SchemaRegistrySettings settings, Sleeper sleeper, ObjectMapper json) {
        // HTTP/1.1: the JDK's cleartext HTTP/2 upgrade trips some proxies and registries, and the
        // registry's small JSON answers gain nothing from HTTP/2.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.baseUrl = settings.baseUrl().toString();
        this.authorization = settings.credentials().authorizationHeader();
        this.retry = settings.retry();
        this.requestTimeout = settings.requestTimeout();
        this.sleeper = sleeper;
        this.json = json;
    }

    /** {@code value} encoded as one path segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    String baseUrl() {
        return baseUrl;
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest request = request(method, path, body);
        for (int attempt = 1; ; attempt++) {
            SchemaRegistryException failure;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 == 2) {
                    return parse(method, path, response);
                }
                failure = refusal(method, path, response, attempt);
            } catch (IOException e) {
                failure = new SchemaRegistryException(describe(method, path) + " got no answer after " + attempt
                        + attempt(attempt) + " (" + e + "): is the registry running and reachable at " + baseUrl
                        + "?", SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, "", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(method, path, e);
            }
            if (!failure.isRetriable() || attempt > retry.maxRetries()) {
                throw failure;
            }
            Duration backoff = retry.backoff(attempt);
            LOG.warn("{}; retry {} of {} in {} ms", failure.getMessage(), attempt, retry.maxRetries(),
                    backoff.toMillis());
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(method, path, e);
            }
        }
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            return builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON tree: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(String method, String path, HttpResponse<byte[]> response) {
        if (response.body().length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(describe(method, path) + " answered " + response.statusCode()
                    + " with a body that is not JSON (" + excerpt(response.body()) + "): check that " + baseUrl
                    + " is the registry's API root (for Apicurio, .../apis/ccompat/v7)",
                    response.statusCode(), 0, excerpt(response.body()), e);
        }
    }

    private SchemaRegistryException refusal(String method, String path, HttpResponse<byte[]> response,
                                            int attempts) {
        int status = response.statusCode();
        int errorCode = status;
        String registryMessage = excerpt(response.body());
        try {
            JsonNode error = json.readTree(response.body());
            if (error != null && error.isObject()) {
                errorCode = error.path("error_code").asInt(status);
                registryMessage = error.path("message").asText(registryMessage);
            }
        } catch (IOException notJson) {
            // A proxy's HTML error page: the status and the start of the body are all there is.
        }
        String message = describe(method, path) + " answered " + status
                + (errorCode != status ? " (error " + errorCode + ")" : "")
                + (status >= 500 ? " after " + attempts + attempt(attempts) : "")
                + ": " + registryMessage + hint(status, errorCode);
        return new SchemaRegistryException(message, status, errorCode, registryMessage, null);
    }

    private static String hint(int status, int errorCode) {
        return switch (errorCode) {
            case SchemaRegistryException.SUBJECT_NOT_FOUND -> "; register a schema under the subject first";
            case SchemaRegistryException.SCHEMA_NOT_FOUND -> "; the registry does not hold this schema: register it";
            case SchemaRegistryException.INVALID_SCHEMA -> "; the registry cannot accept this schema as Avro";
            default -> switch (status) {
                case 409 -> "; the subject's compatibility level rejects this schema: make the change compatible"
                        + " (under BACKWARD, add fields only with defaults and remove only fields that had"
                        + " defaults) or use a new subject";
                case 401, 403 -> "; check the registry credentials ("
                        + SchemaRegistrySettings.BASIC_AUTH_ENV + " or " + SchemaRegistrySettings.BEARER_TOKEN_ENV
                        + ")";
                default -> "";
            };
        };
    }

    private String describe(String method, String path) {
        return "schema registry " + baseUrl + ": " + method + " " + path;
    }

    private static String attempt(int count) {
        return count == 1 ? " attempt" : " attempts";
    }

    private SchemaRegistryException interrupted(String method, String path, InterruptedException e) {
        return new SchemaRegistryException(describe(method, path) + " was interrupted",
                SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, "", e);
    }

    /** A successful answer the client cannot use: it carries status 200 and error code 0. */
    SchemaRegistryException unusable(String request, String problem, JsonNode answer) {
        String body = answer.toString();
        return new SchemaRegistryException("schema registry " + baseUrl + ": the answer to " + request + " "
                + problem + ": " + excerpt(body), 200, 0, body, null);
    }

    private static String excerpt(byte[] body) {
        return excerpt(new String(body, StandardCharsets.UTF_8).strip());
    }

    private static String excerpt(String text) {
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    @Override
    public void close() {
        http.close();
    }
}
