package dev.tributary.ingest.http;

import java.util.Objects;
import java.util.Set;

/**
 * A secret that lets its holder write some topics.
 *
 * @param name   who holds the key, for logs (the key itself is never logged)
 * @param key    the secret a client sends; at least {@value #MIN_LENGTH} characters, such as the output of
 *               {@code openssl rand -hex 24}
 * @param topics the topics the key may write, through any route
 */
public record ApiKey(String name, String key, Set<String> topics) {

    public static final int MIN_LENGTH = 16;

    public ApiKey {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an API key needs a name, such as the client that holds it");
        }
        Objects.requireNonNull(key, "key of API key " + name);
        if (key.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("API key " + name + " has " + key.length() + " characters; use at "
                    + "least " + MIN_LENGTH + " random ones, e.g. from openssl rand -hex 24");
        }
        if (!key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("API key " + name + " has characters that an HTTP header cannot "
                    + "carry; use printable ASCII without spaces, e.g. from openssl rand -hex 24");
        }
        topics = Set.copyOf(Objects.requireNonNull(topics, "topics of API key " + name));
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("API key " + name + " allows no topics; list the topics it may write");
        }
    }

    /** Whether this key may write {@code topic}. */
    public boolean allows(String topic) {
        return topics.contains(topic);
    }

    /** Names the key and its topics, never the secret. */
    @Override
    public String toString() {
        return "ApiKey[name=" + name + ", key=***, topics=" + topics + "]";
    }
}
