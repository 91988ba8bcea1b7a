package dev.tributary.schemas.event;

import dev.tributary.schemas.event.internal.Printable;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kafka record that claims to carry a CloudEvent but does not carry a valid one. Such a record is a poison
 * record: reading it again gives the same error, so the dispatcher sends it to the dead-letter topic with
 * {@link #getMessage()} as the reason.
 *
 * <p>The message names the place and the problem, for example
 * {@code header ce_time: '2024-13-01' is not an RFC 3339 timestamp, e.g. 2024-01-31T09:30:00Z}.
 * The place is a record header ({@link #header()}) or, for a structured event, the record value
 * ({@code body}); {@link #attribute()} names the CloudEvents attribute concerned, when there is one.
 */
public final class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String header;
    private final String attribute;
    private final String problem;

    private MalformedEventException(String place, String header, String attribute, String problem) {
        super(Printable.escape(place) + ": " + problem);
        this.header = header;
        this.attribute = attribute;
        this.problem = problem;
    }

    /**
     * A problem with a record header.
     *
     * @param header    the header, such as {@code ce_time} or {@code content-type}
     * @param attribute the CloudEvents attribute the header carries, or {@code null} when it carries none
     * @param problem   what is wrong and, where it helps, what to send instead
     */
    public static MalformedEventException inHeader(String header, String attribute, String problem) {
        Objects.requireNonNull(header, "header of a malformed event");
        return new MalformedEventException("header " + header, header, attribute,
                Objects.requireNonNull(problem, "problem of a malformed event"));
    }

    /**
     * A problem with the record value of a structured-mode event.
     *
     * @param attribute the CloudEvents attribute at fault (or {@code data}), or {@code null} when the value
     *                  as a whole is
     * @param problem   what is wrong and, where it helps, what to send instead
     */
    public static MalformedEventException inBody(String attribute, String problem) {
        return new MalformedEventException(attribute == null ? "body" : "body attribute " + attribute, null,
                attribute, Objects.requireNonNull(problem, "problem of a malformed event"));
    }

    /** The record header at fault, such as {@code ce_time}; empty when the problem is in the record value. */
    public Optional<String> header() {
        return Optional.ofNullable(header);
    }

    /** The CloudEvents attribute at fault, such as {@code time}; empty when no single attribute is. */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    /** What is wrong, without the place: {@code '2024-13-01' is not an RFC 3339 timestamp, ...}. */
    public String problem() {
        return problem;
    }
}
