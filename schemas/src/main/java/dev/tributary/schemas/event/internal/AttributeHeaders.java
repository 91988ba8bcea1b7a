package dev.tributary.schemas.event.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The {@code ce_} headers of a binary-mode record in record order, each as header name, attribute name and
 * value text.
 *
 * <p>A record has a handful of these headers, so they sit in one flat array and are found by a linear search,
 * cheaper than hashing for so few; past {@value #LINEAR_SEARCH_LIMIT} an index takes over, so that a record
 * with thousands of headers is not quadratic to read.
 */
final class AttributeHeaders {

    private static final int LINEAR_SEARCH_LIMIT = 16;
    private static final int STRIDE = 3; // header, attribute name, text

    private String[] entries = new String[8 * STRIDE];
    private int size;
    private Map<String, Integer> index;

    private AttributeHeaders() {
    }

    /**
     * The {@code ce_} headers of {@code headers}.
     *
     * @throws dev.tributary.schemas.event.MalformedEventException naming the first header, in record order, that
     *         has no value, has a value that is not UTF-8 or repeats the name of one before it
     */
    static AttributeHeaders of(Headers headers) {
        AttributeHeaders attributes = new AttributeHeaders();
        for (Header header : headers) {
            String key = header.key();
            if (key.startsWith(BinaryModeReader.HEADER_PREFIX)) {
                attributes.add(key, header.value());
            }
        }
        return attributes;
    }

    private void add(String header, byte[] value) {
        String name = attributeName(header);
        if (value == null) {
            throw new Site(header, name).problem("has no value; send the attribute's value or leave the header out");
        }
        String text = HeaderValues.text(value, header, name);
        if (indexOf(name) >= 0) {
            throw new Site(header, name).problem("appears more than once; a CloudEvents attribute has one value");
        }
        if (size * STRIDE == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entries[size * STRIDE] = header;
        entries[size * STRIDE + 1] = name;
        entries[size * STRIDE + 2] = text;
        if (index != null) {
            index.put(name, size);
        } else if (size == LINEAR_SEARCH_LIMIT) {
            index = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                index.put(name(i), i);
            }
        }
        size++;
    }

    int size() {
        return size;
    }

    /** The header at {@code i}, such as {@code ce_id}. */
    String header(int i) {
        return entries[i * STRIDE];
    }

    /** The attribute the header at {@code i} carries, such as {@code id}. */
    String name(int i) {
        return entries[i * STRIDE + 1];
    }

    String text(int i) {
        return entries[i * STRIDE + 2];
    }

    /** Where the header of attribute {@code name} is, or -1 when there is none. */
    int indexOf(String name) {
        if (index != null) {
            return index.getOrDefault(name, -1);
        }
        for (int i = 0; i < size; i++) {
            if (name.equals(name(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The attribute name of a {@code ce_} header. The well-known ones come as constants, which saves a string per
     * header and whose hash codes, needed by every later lookup of the name, are already computed.
     */
    static String attributeName(String header) {
        return switch (header) {
            case "ce_specversion" -> "specversion";
            case "ce_id" -> "id";
            case "ce_source" -> "source";
            case "ce_type" -> "type";
            case "ce_time" -> "time";
            case "ce_subject" -> "subject";
            case "ce_dataschema" -> "dataschema";
            case "ce_partitionkey" -> "partitionkey";
            case "ce_traceparent" -> "traceparent";
            case "ce_tracestate" -> "tracestate";
            default -> header.substring(BinaryModeReader.HEADER_PREFIX.length());
        };
    }
}
