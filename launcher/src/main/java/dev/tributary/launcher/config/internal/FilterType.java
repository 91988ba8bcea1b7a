package dev.tributary.launcher.config.internal;

import dev.tributary.schemas.filter.EventFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The filter syntax of the CloudEvents Subscriptions API dialects, read into an {@link EventFilter}: a mapping
 * whose keys are attribute names, each with one {@link Match}, or {@link Combinator}s. Several keys in one
 * mapping must all match.
 */
public final class FilterType implements ValueType<EventFilter> {

    /** CloudEvents attribute names: lower-case ASCII letters and digits. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]+");

    /** How one attribute is compared with the value given. */
    public enum Match {
        EXACT("the attribute equals the value", EventFilter.Exact::new),
        PREFIX("the attribute starts with the value", EventFilter.Prefix::new),
        SUFFIX("the attribute ends with the value", EventFilter.Suffix::new);

        private final String doc;
        private final BiFunction<String, String, EventFilter> filter;

        Match(String doc, BiFunction<String, String, EventFilter> filter) {
            this.doc = doc;
            this.filter = filter;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** When the condition matches. */
        public String doc() {
            return doc;
        }
    }

    /** How filters combine. */
    public enum Combinator {
        ALL("a list of filters", "every filter matches"),
        ANY("a list of filters", "at least one filter matches"),
        NOT("a filter", "the filter does not match");

        private final String value;
        private final String doc;

        Combinator(String value, String doc) {
            this.value = value;
            this.doc = doc;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The combinator written as {@code key}, or null when it names none. */
        static Combinator byKey(String key) {
            return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst().orElse(null);
        }

        /** What the key takes. */
        public String value() {
            return value;
        }

        /** When the combination matches. */
        public String doc() {
            return doc;
        }
    }

    private static final List<String> MATCHES = Arrays.stream(Match.values()).map(Match::key).toList();
    private static final List<String> COMBINATORS = Arrays.stream(Combinator.values()).map(Combinator::key).toList();

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public String allowed() {
        return "see Filters";
    }

    @Override
    public String format(EventFilter value) {
        return value.equals(EventFilter.ALL) ? "{}" : value.toString();
    }

    @Override
    public EventFilter read(Node node, Location at, ReadContext context) {
        if (context.tooDeep(at)) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            context.error(at, "expected a filter: a mapping of attribute names and " + String.join(", ", COMBINATORS)
                    + ", found " + Nodes.describe(node));
            return null;
        }
        List<EventFilter> parts = new ArrayList<>();
        boolean valid = true;
        for (ReadContext.Entry entry : context.entries(mapping, at)) {
            EventFilter part = switch (Combinator.byKey(entry.key())) {
                case ALL -> list(entry, context, EventFilter.All::new);
                case ANY -> list(entry, context, EventFilter.Any::new);
                case NOT -> {
                    EventFilter negated = read(entry.value(), entry.at(), context);
                    yield negated == null ? null : new EventFilter.Not(negated);
                }
                case null -> attribute(entry, context);
            };
            valid &= part != null;
            parts.add(part);
        }
        if (!valid) {
            return null;
        }
        return parts.size() == 1 ? parts.getFirst() : new EventFilter.All(parts);
    }

    private EventFilter list(ReadContext.Entry entry, ReadContext context,
            Function<List<EventFilter>, EventFilter> combinator) {
        if (!(entry.value() instanceof SequenceNode sequence)) {
            context.expected(entry.at(), "list of filters", entry.value());
            return null;
        }
        if (sequence.getValue().isEmpty()) {
            context.error(entry.at(), "the list is empty; give at least one filter");
            return null;
        }
        List<EventFilter> filters = new ArrayList<>();
        boolean valid = true;
        for (Node item : sequence.getValue()) {
            EventFilter filter = read(item, entry.at().element(filters.size(), Nodes.line(item)), context);
            valid &= filter != null;
            filters.add(filter);
        }
        return valid ? combinator.apply(filters) : null;
    }

    private static EventFilter attribute(ReadContext.Entry entry, ReadContext context) {
        if (!ATTRIBUTE.matcher(entry.key()).matches()) {
            String lowerCase = entry.key().toLowerCase(Locale.ROOT);
            context.error(entry.at(), "'" + entry.key() + "' is not a CloudEvents attribute name (lower-case letters"
                    + " and digits) nor one of " + String.join(", ", COMBINATORS)
                    + (ATTRIBUTE.matcher(lowerCase).matches() ? "; did you mean " + lowerCase + "?" : ""));
            return null;
        }
        String expected = "expected one of " + String.join(", ", MATCHES.stream().map(m -> "{" + m + ": value}").toList());
        if (!(entry.value() instanceof MappingNode mapping)) {
            context.error(entry.at(), expected + ", found " + Nodes.describe(entry.value()));
            return null;
        }
        List<ReadContext.Entry> conditions = context.entries(mapping, entry.at());
        if (conditions.size() != 1) {
            context.error(entry.at(), expected + ": set exactly one");
            return null;
        }
        ReadContext.Entry condition = conditions.getFirst();
        int match = MATCHES.indexOf(condition.key());
        if (match < 0) {
            context.error(condition.at(), Suggestions.unknownKey(condition.key(), MATCHES, "setting"));
            return null;
        }
        String value = context.text(condition.value(), condition.at(), "string");
        if (value != null && value.isEmpty()) {
            context.error(condition.at(), "is empty; a filter needs a value to compare with");
            return null;
        }
        return value == null ? null : Match.values()[match].filter.apply(entry.key(), value);
    }
}
