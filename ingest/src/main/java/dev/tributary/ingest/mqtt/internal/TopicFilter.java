package dev.tributary.ingest.mqtt.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An MQTT topic filter ({@code devices/+/telemetry}, {@code site/#}) with MQTT's matching rules: {@code +} matches
 * exactly one level, which may be empty; {@code #} matches the parent level and any number of levels below it; a
 * topic that starts with {@code $} is matched by no filter that starts with a wildcard. Immutable.
 */
public final class TopicFilter {

    static final String SINGLE = "+";
    static final String MULTI = "#";
    private static final String SHARED_PREFIX = "$share/";

    private final String text;
    private final String[] levels;
    private final int wildcards;

    private TopicFilter(String text, String[] levels) {
        this.text = text;
        this.levels = levels;
        this.wildcards = (int) Arrays.stream(levels).filter(TopicFilter::isWildcard).count();
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the filter and what is allowed
     */
    public static TopicFilter parse(String filter) {
        if (filter == null || filter.isEmpty()) {
            throw new IllegalArgumentException("is empty; give an MQTT topic filter such as devices/+/telemetry");
        }
        if (filter.startsWith(SHARED_PREFIX)) {
            throw new IllegalArgumentException("'" + filter + "' is a shared subscription; give the plain filter, and "
                    + "the bridge's group names the share");
        }
        if (filter.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("'" + filter + "' holds a NUL character, which MQTT does not allow");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains(MULTI) && (!level.equals(MULTI) || i != levels.length - 1)) {
                throw new IllegalArgumentException("'" + filter + "': '#' must be a whole level and the last one, as "
                        + "in site/#");
            }
            if (level.contains(SINGLE) && !level.equals(SINGLE)) {
                throw new IllegalArgumentException("'" + filter + "': '+' must be a whole level, as in devices/+/"
                        + "telemetry");
            }
        }
        return new TopicFilter(filter, levels);
    }

    /** Whether {@code topic} is a topic name that devices may publish to: no wildcards, not empty. */
    public static boolean isTopicName(String topic) {
        return topic != null && !topic.isEmpty() && topic.indexOf('+') < 0 && topic.indexOf('#') < 0
                && topic.indexOf('\u0000') < 0;
    }

    /**
     * The levels the wildcards of this filter matched in {@code topic}, in order (for {@code #} the matched levels
     * joined by {@code /}, empty when it matched the parent level only); empty when the filter does not match.
     */
    public Optional<List<String>> match(String topic) {
        if (topic.startsWith("$") && isWildcard(levels[0])) {
            return Optional.empty();
        }
        String[] names = topic.split("/", -1);
        List<String> matched = new ArrayList<>(wildcards);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals(MULTI)) {
                matched.add(i >= names.length ? "" : String.join("/", Arrays.asList(names).subList(i, names.length)));
                return Optional.of(matched);
            }
            if (i >= names.length) {
                return Optional.empty();
            }
            if (level.equals(SINGLE)) {
                matched.add(names[i]);
            } else if (!level.equals(names[i])) {
                return Optional.empty();
            }
        }
        return names.length == levels.length ? Optional.of(matched) : Optional.empty();
    }

    public boolean matches(String topic) {
        return match(topic).isPresent();
    }

    /** Whether some topic is matched by both filters, so that a broker would deliver it once for each. */
    public boolean overlaps(TopicFilter other) {
        String[] a = levels;
        String[] b = other.levels;
        for (int i = 0; ; i++) {
            boolean aEnded = i >= a.length;
            boolean bEnded = i >= b.length;
            if (aEnded && bEnded) {
                return true;
            }
            if (aEnded || bEnded) {
                // site/# also matches site itself.
                String[] longer = aEnded ? b : a;
                return i == longer.length - 1 && longer[i].equals(MULTI);
            }
            if (a[i].equals(MULTI) || b[i].equals(MULTI)) {
                return true;
            }
            if (!a[i].equals(b[i]) && !a[i].equals(SINGLE) && !b[i].equals(SINGLE)) {
                return false;
            }
        }
    }

    /** How many wildcard levels the filter has: the highest {@code {n}} a key template may use. */
    public int wildcards() {
        return wildcards;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicFilter filter && filter.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean isWildcard(String level) {
        return level.equals(SINGLE) || level.equals(MULTI);
    }
}
