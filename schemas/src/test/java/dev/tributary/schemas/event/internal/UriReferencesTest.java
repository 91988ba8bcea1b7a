package dev.tributary.schemas.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URISyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriReferencesTest {

    private final UriReferences uris = new UriReferences();

    @ParameterizedTest
    @ValueSource(strings = {"/shop/checkout", "https://orders.example.com/eu-west-1", "urn:x", "", "/ü", "a b",
        "http://[::1", "%zz", "http://h:99999/"})
    void parsingAgainGivesWhatAParseGives(String text) throws URISyntaxException {
        for (int i = 0; i < 3; i++) {
            assertSameOutcome(text);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 257, 10_000})
    void longTextsAreParsedToo(int length) throws URISyntaxException {
        String text = "/" + "a".repeat(length - 1);
        assertSameOutcome(text);
        assertSameOutcome(text);
    }

    private void assertSameOutcome(String text) throws URISyntaxException {
        URISyntaxException expected = catchThrowableOfType(URISyntaxException.class, () -> new URI(text));
        if (expected == null) {
            assertThat(uris.parse(text)).isEqualTo(new URI(text)).hasToString(text);
        } else {
            URISyntaxException actual = catchThrowableOfType(URISyntaxException.class, () -> uris.parse(text));
            assertThat(actual).hasMessage(expected.getMessage());
            assertThat(actual.getIndex()).isEqualTo(expected.getIndex());
        }
    }
}
