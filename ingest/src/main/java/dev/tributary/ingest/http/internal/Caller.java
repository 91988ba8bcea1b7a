package dev.tributary.ingest.http.internal;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Who sent a request, as far as authorization goes.
 *
 * @param name   the API key's name, or {@code anonymous} when no key is asked for
 * @param writes which topics the caller may write
 */
public record Caller(String name, Predicate<String> writes) {

    /** The caller when authentication is off: may write every topic the adapter routes to. */
    public static Caller anonymous() {
        return new Caller("anonymous", topic -> true);
    }

    public static Caller withTopics(String name, Set<String> topics) {
        Set<String> allowed = Set.copyOf(topics);
        return new Caller(name, allowed::contains);
    }

    public boolean mayWrite(String topic) {
        return writes.test(topic);
    }
}
