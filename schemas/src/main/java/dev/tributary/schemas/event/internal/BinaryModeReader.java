package dev.tributary.schemas.event.internal;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.StringJoiner;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a binary-mode event: one {@code ce_<attribute>} header per attribute and extension, the
 * {@code content-type} header as {@code datacontenttype}, the record value as the data (no value, no data).
 *
 * <p>Problems are reported in a fixed order, whatever order the headers come in: first a header without a value,
 * not in UTF-8 or repeated (the first such in record order), then a missing or unknown spec version, then a
 * missing {@code id}, {@code source} or {@code type}, and only then a value that is wrong for its attribute
 * (again the first in record order).
 *
 * <p>Thread-safe: one instance serves every partition.
 */
public final class BinaryModeReader {

    static final String HEADER_PREFIX = "ce_";

    private static final String SPEC_VERSION_HEADER = HEADER_PREFIX + Attributes.SPEC_VERSION;

    private final Attributes attributes = new Attributes();

    /** Whether any header is a CloudEvents header, which makes a record that is not structured a binary-mode event. */
    static boolean hasCloudEventsHeaders(Headers headers) {
        for (Header header : headers) {
            if (header.key().startsWith(HEADER_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The event that {@code headers} and {@code value} carry in binary mode.
     *
     * @param contentType the {@code content-type} header, or {@code null}
     * @throws dev.tributary.schemas.event.MalformedEventException naming the first header at fault
     */
    public CloudEvent read(Headers headers, String contentType, byte[] value) {
        AttributeHeaders found = AttributeHeaders.of(headers);
        int specVersionAt = found.indexOf(Attributes.SPEC_VERSION);
        if (specVersionAt < 0) {
            throw Site.ceHeader(Attributes.SPEC_VERSION).problem("missing, but the record has CloudEvents headers "
                    + headerList(found)
                    + "; add ce_specversion: 1.0, or remove the ce_ headers to read it as a plain Kafka record");
        }
        SpecVersion version = Attributes.specVersion(found.text(specVersionAt), SPEC_VERSION_HEADER);
        for (String required : Attributes.REQUIRED) {
            if (found.indexOf(required) < 0) {
                throw Site.ceHeader(required).problem("missing; every CloudEvent needs the headers ce_id, ce_source "
                        + "and ce_type");
            }
        }
        CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(version);
        for (int i = 0; i < found.size(); i++) {
            if (i != specVersionAt) {
                attributes.set(builder, version, found.name(i), found.text(i), found.header(i));
            }
        }
        if (contentType != null) {
            builder.withDataContentType(contentType);
        }
        if (value != null) {
            builder.withData(value);
        }
        return builder.build();
    }

    private static String headerList(AttributeHeaders found) {
        StringJoiner list = new StringJoiner(", ");
        for (int i = 0; i < found.size(); i++) {
            list.add(Printable.escape(found.header(i)));
        }
        return list.toString();
    }
}
