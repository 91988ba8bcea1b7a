package dev.tributary.launcher.config.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Did-you-mean for misspelt keys, by edit distance ignoring case. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The message for a key that is not one of {@code allowed}: a suggestion when one is close, else the list. */
    public static String unknownKey(String key, Collection<String> allowed, String what) {
        return closest(key, allowed)
                .map(candidate -> "unknown " + what + "; did you mean " + candidate + "?")
                .orElseGet(() -> "unknown " + what + "; allowed: " + String.join(", ", allowed));
    }

    /**
     * The candidate nearest to {@code input}, when a typo could explain the difference: at most 2 edits, or a
     * third of a long key, and fewer edits than the shorter word has letters.
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        String lower = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, input.length() / 3);
        return candidates.stream()
                .filter(candidate -> {
                    int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
                    return distance <= limit && distance < Math.min(input.length(), candidate.length());
                })
                .min(Comparator.comparingInt(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
