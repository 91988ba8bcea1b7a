package dev.tributary.schemas.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    /**
     * {@link MediaTypes#isCloudEvents} compares in place; it must agree with the binding's rule applied to the
     * essence, lowercased as a whole, even where folding case char by char would not.
     */
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain; charset=utf-8", "application/cloudevents+json",
        "application/cloudevents", "application/cloudevent", "Application/CloudEvents+JSON; charset=UTF-8",
        " \tapplication/cloudevents+json", "application/cloudevents+avro", "application/cloudevents-batch+json",
        ";application/cloudevents", "text/plain;application/cloudevents", "application/cloud events",
        "application/cloudevents ;x=y", "\u0000application/cloudevents", "", " ", ";",
        // U+0130 and U+212A fold to i and k char by char, but lowercase to other text as a whole
        "appl\u0130cation/cloudevents+json", "APPL\u0130CATION/CLOUDEVENTS", "application/cloudevents\u212a",
        "application/cloud\u212aevents", "\u00e4pplication/cloudevents", "application/cloudeventsé"})
    void cloudEventsTypesFollowTheBindingsRule(String contentType) {
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);

        assertThat(MediaTypes.isCloudEvents(contentType)).as("'%s'", contentType)
                .isEqualTo(essence.startsWith("application/cloudevents"));
    }
}
