package dev.tributary.schemas.event.internal;

import dev.tributary.schemas.internal.Utf8;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Header values as text: the Kafka binding requires UTF-8, so anything else is a malformed event. */
public final class HeaderValues {

    public static final String CONTENT_TYPE = "content-type";

    private HeaderValues() {
    }

    /**
     * The last {@code content-type} header's value, or {@code null} when there is none or it has no value.
     *
     * @throws dev.tributary.schemas.event.MalformedEventException when it is not UTF-8
     */
    public static String contentType(Headers headers) {
        Header header = headers.lastHeader(CONTENT_TYPE);
        return header == null || header.value() == null ? null : text(header.value(), CONTENT_TYPE, null);
    }

    /**
     * {@code value} as text.
     *
     * @param header    the header that holds it, named in the error
     * @param attribute the CloudEvents attribute it carries, or {@code null}
     */
    static String text(byte[] value, String header, String attribute) {
        try {
            return Utf8.decode(value);
        } catch (Utf8.MalformedUtf8Exception e) {
            throw new Site(header, attribute).problem("is not UTF-8, as the CloudEvents Kafka binding requires: "
                    + e.getMessage());
        }
    }
}
