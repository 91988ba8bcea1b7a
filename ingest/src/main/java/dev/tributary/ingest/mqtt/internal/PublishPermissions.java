package dev.tributary.ingest.mqtt.internal;

import java.util.List;
import java.util.function.Predicate;

/** The topics a device may publish to: those matched by one of its user's filters, or every topic. */
public final class PublishPermissions implements Predicate<String> {

    private static final PublishPermissions ANY = new PublishPermissions(null);

    /** {@code null} for every topic. */
    private final List<TopicFilter> filters;

    private PublishPermissions(List<TopicFilter> filters) {
        this.filters = filters;
    }

    public static PublishPermissions any() {
        return ANY;
    }

    public static PublishPermissions of(List<String> filters) {
        return new PublishPermissions(filters.stream().map(TopicFilter::parse).toList());
    }

    @Override
    public boolean test(String topic) {
        return filters == null || filters.stream().anyMatch(filter -> filter.matches(topic));
    }
}
