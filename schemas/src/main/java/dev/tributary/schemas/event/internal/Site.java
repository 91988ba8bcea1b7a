package dev.tributary.schemas.event.internal;

import dev.tributary.schemas.event.MalformedEventException;

/**
 * Where a problem is: a record header ({@code header} set) or a member of a structured event's JSON body.
 *
 * @param header    the record header, or {@code null} for the body
 * @param attribute the CloudEvents attribute, or {@code null} when there is none
 */
record Site(String header, String attribute) {

    /** The {@code ce_} header that carries {@code attribute} in binary mode. */
    static Site ceHeader(String attribute) {
        return new Site(BinaryModeReader.HEADER_PREFIX + attribute, attribute);
    }

    /** The member {@code attribute} of a structured event, or the body as a whole when {@code null}. */
    static Site body(String attribute) {
        return new Site(null, attribute);
    }

    MalformedEventException problem(String problem) {
        return header == null
                ? MalformedEventException.inBody(attribute, problem)
                : MalformedEventException.inHeader(header, attribute, problem);
    }
}
