package dev.tributary.schemas.event.internal;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a binary-mode event: one {@code ce_<attribute>} header per attribute and extension, the
 * {@code content-type} header as {@code datacontenttype}, the record value as the data (no value, no data).
 */
public final class BinaryModeReader {

    static final String HEADER_PREFIX = "ce_";

    private BinaryModeReader() {
    }

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
    public static CloudEvent read(Headers headers, String contentType, byte[] value) {
        Map<String, String> attributes = attributeHeaders(headers);
        String specVersion = attributes.remove(Attributes.SPEC_VERSION);
        if (specVersion == null) {
            throw Site.ceHeader(Attributes.SPEC_VERSION).problem("missing, but the record has CloudEvents headers "
                    + attributes.keySet().stream().map(name -> Printable.escape(HEADER_PREFIX + name))
                            .collect(Collectors.joining(", "))
                    + "; add ce_specversion: 1.0, or remove the ce_ headers to read it as a plain Kafka record");
        }
        SpecVersion version = Attributes.specVersion(specVersion, Site.ceHeader(Attributes.SPEC_VERSION));
        for (String required : Attributes.REQUIRED) {
            if (!attributes.containsKey(required)) {
                throw Site.ceHeader(required).problem("missing; every CloudEvent needs the headers ce_id, ce_source "
                        + "and ce_type");
            }
        }
        CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(version);
        attributes.forEach((name, text) -> Attributes.set(builder, version, name, text, Site.ceHeader(name)));
        if (contentType != null) {
            builder.withDataContentType(contentType);
        }
        if (value != null) {
            builder.withData(value);
        }
        return builder.build();
    }

    /** The {@code ce_} headers as attribute name to text, in record order. */
    private static Map<String, String> attributeHeaders(Headers headers) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Header header : headers) {
            if (!header.key().startsWith(HEADER_PREFIX)) {
                continue;
            }
            String name = header.key().substring(HEADER_PREFIX.length());
            Site site = new Site(header.key(), name);
            if (header.value() == null) {
                throw site.problem("has no value; send the attribute's value or leave the header out");
            }
            if (attributes.putIfAbsent(name, HeaderValues.text(header.value(), site)) != null) {
                throw site.problem("appears more than once; a CloudEvents attribute has one value");
            }
        }
        return attributes;
    }
}
