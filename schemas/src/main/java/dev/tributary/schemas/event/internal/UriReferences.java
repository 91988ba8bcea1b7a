package dev.tributary.schemas.event.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Parses URI references, remembering the last few it parsed. The events of a topic come from few sources, so
 * most {@code source} attributes are a text seen a moment ago; a {@link URI} is immutable, so the one parsed then
 * serves as well as a new one.
 *
 * <p>Thread-safe without locks: each slot holds an immutable pair of text and URI, so a reader sees a whole pair
 * or nothing, and two threads that race on a slot only cost each other a parse. Only short texts are kept, so the
 * memory held stays small whatever the records carry.
 */
final class UriReferences {

    private static final int SLOTS = 64; // a power of two
    private static final int MAX_CACHED_LENGTH = 256;

    private final Parsed[] slots = new Parsed[SLOTS];

    /** {@code new URI(text)}, or an equal URI parsed before. */
    URI parse(String text) throws URISyntaxException {
        if (text.length() > MAX_CACHED_LENGTH) {
            return new URI(text);
        }
        int hash = text.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Parsed parsed = slots[slot];
        if (parsed != null && parsed.text.equals(text)) {
            return parsed.uri;
        }
        URI uri = new URI(text);
        slots[slot] = new Parsed(text, uri);
        return uri;
    }

    private record Parsed(String text, URI uri) {
    }
}
