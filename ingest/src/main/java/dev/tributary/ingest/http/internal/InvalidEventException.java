package dev.tributary.ingest.http.internal;

import java.util.Optional;

/**
 * An event the adapter cannot accept as it is: not a valid CloudEvent, or one it cannot route or key. The message
 * names the place and the problem, such as {@code header ce-time: '2024-13-01' is not an RFC 3339 timestamp}.
 */
public final class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String attribute;

    /** @param attribute the CloudEvents attribute or field at fault ({@code time}, {@code data}), or null */
    public InvalidEventException(String attribute, String message) {
        super(message, null, false, false);
        this.attribute = attribute;
    }

    /** The CloudEvents attribute or field at fault, when one is. */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }
}
