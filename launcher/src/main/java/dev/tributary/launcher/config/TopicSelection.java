package dev.tributary.launcher.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The topics a function consumes: named ones, or every topic whose name matches a pattern. */
public sealed interface TopicSelection {

    /** These topics. */
    record Listed(List<String> topics) implements TopicSelection {
        public Listed {
            topics = List.copyOf(topics);
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("name at least one topic");
            }
        }
    }

    /**
     * Every topic whose whole name matches the pattern, including topics created later; Kafka finds them on its
     * next metadata refresh.
     */
    record Matching(Pattern pattern) implements TopicSelection {
        public Matching {
            Objects.requireNonNull(pattern, "pattern");
        }

        /** By the expression and its flags, since {@link Pattern} compares by identity. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Matching matching && pattern.pattern().equals(matching.pattern.pattern())
                    && pattern.flags() == matching.pattern.flags();
        }

        @Override
        public int hashCode() {
            return Objects.hash(pattern.pattern(), pattern.flags());
        }
    }
}
