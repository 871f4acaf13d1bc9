package io.latentlab.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the closest known name to a misspelt one. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * @param given the misspelt name
     * @param known the valid names
     * @return the known name closest by edit distance, if it is close enough to be a likely typo
     */
    public static Optional<String> closest(String given, Collection<String> known) {
        String lower = given.toLowerCase(Locale.ROOT);
        return known.stream().min(Comparator.comparingInt((String k) -> distance(lower, k.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()))
                .filter(best -> distance(lower, best.toLowerCase(Locale.ROOT)) <= Math.max(2, given.length() / 3));
    }

    /** Levenshtein distance. */
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
