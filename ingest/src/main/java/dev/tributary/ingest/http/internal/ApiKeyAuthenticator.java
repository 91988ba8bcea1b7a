package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.http.ApiKey;
import dev.tributary.ingest.http.AuthMode;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * Finds the API key a request carries, in {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}.
 *
 * <p>Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, against every configured key: the
 * time taken depends neither on how much of a guess is right nor on its length, so timing does not leak a key.
 * Thread-safe.
 */
public final class ApiKeyAuthenticator {

    static final String AUTHORIZATION = "Authorization";
    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "bearer ";

    private record KnownKey(ApiKey key, byte[] digest) {
    }

    private final AuthMode mode;
    private final List<KnownKey> keys;

    public ApiKeyAuthenticator(AuthMode mode, List<ApiKey> keys) {
        this.mode = mode;
        this.keys = keys.stream().map(key -> new KnownKey(key, digest(key.key()))).toList();
    }

    /**
     * The caller of a request.
     *
     * @throws RequestRejected 401 when a key is needed and the request has none, or one that is not known
     */
    public Caller authenticate(MultiMap headers) {
        if (mode == AuthMode.NONE) {
            return Caller.anonymous();
        }
        byte[] presented = digest(presentedKey(headers));
        ApiKey match = null;
        for (KnownKey known : keys) {
            // No early exit: every request costs the same number of comparisons.
            if (MessageDigest.isEqual(known.digest(), presented)) {
                match = known.key();
            }
        }
        if (match == null) {
            throw unauthorized("the API key is not valid; check it, or ask for a key that may write this topic");
        }
        return Caller.withTopics(match.name(), match.topics());
    }

    private static String presentedKey(MultiMap headers) {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    || authorization.substring(BEARER.length()).isBlank()) {
                throw unauthorized("the Authorization header is not 'Bearer <API key>'; send the key as a bearer "
                        + "token or in X-Api-Key");
            }
            return authorization.substring(BEARER.length()).trim();
        }
        String key = headers.get(API_KEY_HEADER);
        if (key == null || key.isBlank()) {
            throw unauthorized("this endpoint needs an API key: send Authorization: Bearer <key> or X-Api-Key: <key>");
        }
        return key.trim();
    }

    private static RequestRejected unauthorized(String message) {
        return new RequestRejected(Reply.error(401, message).withHeader("WWW-Authenticate", "Bearer"));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256, this one failed", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticator[" + mode.name().toLowerCase(Locale.ROOT) + ", " + keys.size() + " keys]";
    }
}
