package dev.tributary.schemas.filter;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which CloudEvents a subscriber wants, in the filter dialects of the CloudEvents Subscriptions API: {@code exact},
 * {@code prefix} and {@code suffix} on one attribute, combined with {@code all}, {@code any} and {@code not}.
 * Comparisons are case-sensitive, on the attribute's string form.
 *
 * <p>A filter sees an event only through an attribute lookup that returns the value of a CloudEvents attribute
 * ({@code type}, {@code source}, an extension ...) or {@code null} when the event does not have it; so ingest
 * routes can filter before an event exists and the dispatcher can filter on {@code ce_*} headers without decoding
 * the record. A missing attribute never matches {@code exact}, {@code prefix} or {@code suffix}, hence it does match
 * {@code not} of them.
 *
 * <p>Filters are immutable values and thread-safe.
 */
public sealed interface EventFilter {

    /** Accepts every event: all of no conditions. */
    EventFilter ALL = new All(List.of());

    /**
     * Whether an event matches.
     *
     * @param attributeLookup the event's value of a CloudEvents attribute, or {@code null} when it has none
     */
    boolean matches(Function<String, String> attributeLookup);

    /** The attribute equals {@code value}. */
    record Exact(String attribute, String value) implements EventFilter {
        public Exact {
            requireNonEmpty(attribute, value);
        }

        @Override
        public boolean matches(Function<String, String> attributeLookup) {
            return value.equals(attributeLookup.apply(attribute));
        }
    }

    /** The attribute starts with {@code value}. */
    record Prefix(String attribute, String value) implements EventFilter {
        public Prefix {
            requireNonEmpty(attribute, value);
        }

        @Override
        public boolean matches(Function<String, String> attributeLookup) {
            String actual = attributeLookup.apply(attribute);
            return actual != null && actual.startsWith(value);
        }
    }

    /** The attribute ends with {@code value}. */
    record Suffix(String attribute, String value) implements EventFilter {
        public Suffix {
            requireNonEmpty(attribute, value);
        }

        @Override
        public boolean matches(Function<String, String> attributeLookup) {
            String actual = attributeLookup.apply(attribute);
            return actual != null && actual.endsWith(value);
        }
    }

    /** Every filter matches; with no filters, every event matches. */
    record All(List<EventFilter> filters) implements EventFilter {
        public All {
            filters = List.copyOf(Objects.requireNonNull(filters, "filters of all"));
        }

        @Override
        public boolean matches(Function<String, String> attributeLookup) {
            return filters.stream().allMatch(filter -> filter.matches(attributeLookup));
        }
    }

    /** At least one filter matches; with no filters, no event matches. */
    record Any(List<EventFilter> filters) implements EventFilter {
        public Any {
            filters = List.copyOf(Objects.requireNonNull(filters, "filters of any"));
        }

        @Override
        public boolean matches(Function<String, String> attributeLookup) {
            return filters.stream().anyMatch(filter -> filter.matches(attributeLookup));
        }
    }

    /** The filter does not match. */
    record Not(EventFilter filter) implements EventFilter {
        public Not {
            Objects.requireNonNull(filter, "filter of not");
        }

        @Override
        public boolean matches(Function<String, String> attributeLookup) {
            return !filter.matches(attributeLookup);
        }
    }

    /** The Subscriptions API forbids empty names and values: an empty prefix or suffix would match everything. */
    private static void requireNonEmpty(String attribute, String value) {
        if (attribute == null || attribute.isEmpty()) {
            throw new IllegalArgumentException("a filter needs the name of a CloudEvents attribute");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the filter on attribute '" + attribute + "' needs a non-empty value");
        }
    }
}
