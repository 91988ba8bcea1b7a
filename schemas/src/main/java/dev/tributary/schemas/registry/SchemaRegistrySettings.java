package dev.tributary.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an {@link HttpSchemaRegistryClient} needs, as plain immutable values: where the registry is,
 * how to authenticate, how much to cache, how to retry and how long to wait. HTTPS URLs are verified against
 * the JDK's default trust store.
 *
 * <p>Start from {@link #of(String)} and adjust with the {@code with...} methods; {@link #fromEnvironment} is the
 * one place that turns environment variables into credentials.
 *
 * @param baseUrl        the registry's base URL, such as {@code http://localhost:8081} or
 *                       {@code http://localhost:8080/apis/ccompat/v7}; no trailing slash
 * @param credentials    how to authenticate
 * @param cacheCapacity  the most entries each cache holds: schemas by id, and ids by subject and schema
 * @param retry          how requests that got no answer or a 5xx answer are repeated
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest wait for an answer to one attempt of a request
 */
public record SchemaRegistrySettings(URI baseUrl, RegistryCredentials credentials, int cacheCapacity,
                                     RetryPolicy retry, Duration connectTimeout, Duration requestTimeout) {

    /** The environment variable holding basic credentials as {@code user:password}. */
    public static final String BASIC_AUTH_ENV = "TRIBUTARY_REGISTRY_BASIC_AUTH";
    /** The environment variable holding a bearer token. */
    public static final String BEARER_TOKEN_ENV = "TRIBUTARY_REGISTRY_BEARER_TOKEN";

    public static final int DEFAULT_CACHE_CAPACITY = 1000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public SchemaRegistrySettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        baseUrl = normalize(baseUrl);
        if (cacheCapacity < 1) {
            throw new IllegalArgumentException("cacheCapacity must be at least 1, not " + cacheCapacity);
        }
        if (!connectTimeout.isPositive() || !requestTimeout.isPositive()) {
            throw new IllegalArgumentException("timeouts must be positive, not connect " + connectTimeout
                    + " and request " + requestTimeout);
        }
    }

    /**
     * Defaults for the registry at {@code baseUrl}: no authentication, {@value #DEFAULT_CACHE_CAPACITY} cache
     * entries, {@link RetryPolicy#defaults()}.
     *
     * @throws IllegalArgumentException when {@code baseUrl} is not an http or https URL
     */
    public static SchemaRegistrySettings of(String baseUrl) {
        return new SchemaRegistrySettings(parse(baseUrl), RegistryCredentials.none(), DEFAULT_CACHE_CAPACITY,
                RetryPolicy.defaults(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * Defaults for the registry at {@code baseUrl}, with credentials from {@code environment}:
     * {@value #BASIC_AUTH_ENV} ({@code user:password}) or {@value #BEARER_TOKEN_ENV}. Pass
     * {@code System.getenv()}; taking the map keeps the environment out of every other class and out of tests.
     *
     * @throws IllegalArgumentException when both variables are set, or the basic one has no colon
     */
    public static SchemaRegistrySettings fromEnvironment(String baseUrl, Map<String, String> environment) {
        String basic = environment.get(BASIC_AUTH_ENV);
        String bearer = environment.get(BEARER_TOKEN_ENV);
        boolean hasBasic = basic != null && !basic.isEmpty();
        boolean hasBearer = bearer != null && !bearer.isEmpty();
        if (hasBasic && hasBearer) {
            throw new IllegalArgumentException("both " + BASIC_AUTH_ENV + " and " + BEARER_TOKEN_ENV
                    + " are set: set the one the registry expects");
        }
        RegistryCredentials credentials = hasBasic ? RegistryCredentials.basicUserInfo(basic, BASIC_AUTH_ENV)
                : hasBearer ? RegistryCredentials.bearer(bearer)
                : RegistryCredentials.none();
        return of(baseUrl).withCredentials(credentials);
    }

    public SchemaRegistrySettings withCredentials(RegistryCredentials newCredentials) {
        return new SchemaRegistrySettings(baseUrl, newCredentials, cacheCapacity, retry, connectTimeout,
                requestTimeout);
    }

    public SchemaRegistrySettings withCacheCapacity(int newCapacity) {
        return new SchemaRegistrySettings(baseUrl, credentials, newCapacity, retry, connectTimeout, requestTimeout);
    }

    public SchemaRegistrySettings withRetry(RetryPolicy newRetry) {
        return new SchemaRegistrySettings(baseUrl, credentials, cacheCapacity, newRetry, connectTimeout,
                requestTimeout);
    }

    public SchemaRegistrySettings withTimeouts(Duration newConnectTimeout, Duration newRequestTimeout) {
        return new SchemaRegistrySettings(baseUrl, credentials, cacheCapacity, retry, newConnectTimeout,
                newRequestTimeout);
    }

    private static URI parse(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        try {
            return new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("schema registry URL '" + baseUrl + "' is not a URL: "
                    + e.getMessage(), e);
        }
    }

    private static URI normalize(URI url) {
        // Checked first so that no later message repeats a password.
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("schema registry URL must not carry credentials;"
                    + " pass them as RegistryCredentials");
        }
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("schema registry URL '" + url
                    + "' must be an http or https URL with a host, such as http://localhost:8081");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("schema registry URL '" + url + "' must not have a query or fragment");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.replaceAll("/+$", "")) : url;
    }
}
