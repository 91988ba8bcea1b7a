package dev.tributary.schemas.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tributary.schemas.filter.EventFilter.All;
import dev.tributary.schemas.filter.EventFilter.Any;
import dev.tributary.schemas.filter.EventFilter.Exact;
import dev.tributary.schemas.filter.EventFilter.Not;
import dev.tributary.schemas.filter.EventFilter.Prefix;
import dev.tributary.schemas.filter.EventFilter.Suffix;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final Function<String, String> PUSH = Map.of(
            "type", "com.github.push",
            "source", "https://github.com/cloudevents/spec")::get;

    private static final EventFilter TRUE = new Exact("type", "com.github.push");
    private static final EventFilter FALSE = new Exact("type", "com.github.pull");

    @Test
    void exactMatchesTheWholeValueCaseSensitively() {
        assertThat(new Exact("type", "com.github.push").matches(PUSH)).isTrue();
        assertThat(new Exact("type", "com.github").matches(PUSH)).isFalse();
        assertThat(new Exact("type", "COM.GITHUB.PUSH").matches(PUSH)).isFalse();
    }

    @Test
    void prefixMatchesTheStartOfTheValue() {
        assertThat(new Prefix("type", "com.github.").matches(PUSH)).isTrue();
        assertThat(new Prefix("type", "github").matches(PUSH)).isFalse();
    }

    @Test
    void suffixMatchesTheEndOfTheValue() {
        assertThat(new Suffix("source", "/spec").matches(PUSH)).isTrue();
        assertThat(new Suffix("source", "https:").matches(PUSH)).isFalse();
    }

    @Test
    void aMissingAttributeMatchesNoAttributeFilterButMatchesItsNegation() {
        assertThat(new Exact("subject", "x").matches(PUSH)).isFalse();
        assertThat(new Prefix("subject", "x").matches(PUSH)).isFalse();
        assertThat(new Suffix("subject", "x").matches(PUSH)).isFalse();
        assertThat(new Not(new Exact("subject", "x")).matches(PUSH)).isTrue();
    }

    @Test
    void allMatchesWhenEveryFilterMatches() {
        assertThat(new All(List.of(TRUE, TRUE)).matches(PUSH)).isTrue();
        assertThat(new All(List.of(TRUE, FALSE)).matches(PUSH)).isFalse();
    }

    @Test
    void anyMatchesWhenOneFilterMatches() {
        assertThat(new Any(List.of(FALSE, TRUE)).matches(PUSH)).isTrue();
        assertThat(new Any(List.of(FALSE, FALSE)).matches(PUSH)).isFalse();
    }

    @Test
    void notInvertsItsFilter() {
        assertThat(new Not(TRUE).matches(PUSH)).isFalse();
        assertThat(new Not(FALSE).matches(PUSH)).isTrue();
    }

    @Test
    void combinatorsNest() {
        EventFilter filter = new All(List.of(
                new Prefix("type", "com.github."),
                new Not(new Any(List.of(new Suffix("type", ".pull"), new Exact("source", "elsewhere"))))));
        assertThat(filter.matches(PUSH)).isTrue();
        assertThat(filter.matches(Map.of("type", "com.github.pull")::get)).isFalse();
    }

    @Test
    void allAcceptsEveryEventEvenOneWithoutAttributes() {
        assertThat(EventFilter.ALL.matches(PUSH)).isTrue();
        assertThat(EventFilter.ALL.matches(name -> null)).isTrue();
    }

    @Test
    void anyOfNoFiltersMatchesNothing() {
        assertThat(new Any(List.of()).matches(PUSH)).isFalse();
    }

    @Test
    void anEmptyAttributeOrValueIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Prefix("type", ""))
                .withMessage("the filter on attribute 'type' needs a non-empty value");
        assertThatIllegalArgumentException().isThrownBy(() -> new Exact("", "x"))
                .withMessage("a filter needs the name of a CloudEvents attribute");
    }
}
