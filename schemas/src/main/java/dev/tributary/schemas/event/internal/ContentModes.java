package dev.tributary.schemas.event.internal;

import dev.tributary.schemas.event.KafkaEvent.ContentMode;
import org.apache.kafka.common.header.Headers;

/** The Kafka binding's rule for telling structured, binary and plain records apart (section 3). */
public final class ContentModes {

    private ContentModes() {
    }

    /**
     * The content mode of a record with these headers.
     *
     * @param contentType the record's {@code content-type} header, or {@code null}
     * @throws dev.tributary.schemas.event.MalformedEventException for a structured format other than JSON
     */
    public static ContentMode of(Headers headers, String contentType) {
        if (MediaTypes.isCloudEvents(contentType)) {
            if (!MediaTypes.essence(contentType).equals(MediaTypes.CLOUDEVENTS_JSON)) {
                throw new Site(HeaderValues.CONTENT_TYPE, null).problem(Printable.quote(contentType)
                        + " is a CloudEvents format this codec does not read; send binary mode, or structured mode as "
                        + MediaTypes.CLOUDEVENTS_JSON);
            }
            return ContentMode.STRUCTURED;
        }
        return BinaryModeReader.hasCloudEventsHeaders(headers) ? ContentMode.BINARY : ContentMode.PLAIN;
    }
}
