package dev.tributary.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client authenticates to the registry: not at all, with HTTP basic authentication, or with a bearer
 * token. The secrets never appear in {@code toString()}, so settings can be logged.
 */
public sealed interface RegistryCredentials {

    /** The value of the {@code Authorization} header, if any. */
    Optional<String> authorizationHeader();

    static RegistryCredentials none() {
        return None.INSTANCE;
    }

    static RegistryCredentials basic(String user, String password) {
        return new Basic(user, password);
    }

    /**
     * Basic credentials from Confluent's {@code user:password} "user info" form; the password may contain
     * colons, the user may not.
     *
     * @param source names where the value came from, for the error message (the value itself is never shown)
     * @throws IllegalArgumentException when there is no colon
     */
    static RegistryCredentials basicUserInfo(String userInfo, String source) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(source + " must have the form user:password; it has no ':'");
        }
        return new Basic(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    static RegistryCredentials bearer(String token) {
        return new Bearer(token);
    }

    /** No authentication. */
    enum None implements RegistryCredentials {
        INSTANCE;

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }
    }

    /** HTTP basic authentication. */
    record Basic(String user, String password) implements RegistryCredentials {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Optional<String> authorizationHeader() {
            String pair = user + ":" + password;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "Basic[user=" + user + ", password=****]";
        }
    }

    /** A bearer token, such as an OAuth access token, sent as {@code Authorization: Bearer ...}. */
    record Bearer(String token) implements RegistryCredentials {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "Bearer[****]";
        }
    }
}
