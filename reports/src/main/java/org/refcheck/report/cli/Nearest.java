package org.refcheck.report.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name nearest to a mistyped one, for "did you mean" hints: the smallest edit distance (insertions,
 * deletions, substitutions, ignoring case), accepted only when it is at most a third of the longer name, or when
 * one name contains the other.
 */
final class Nearest {

    private Nearest() {
    }

    static Optional<String> to(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            String c = k.toLowerCase(Locale.ROOT);
            int d = c.contains(t) || t.contains(c) ? Math.abs(c.length() - t.length()) : distance(t, c);
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String b = best.toLowerCase(Locale.ROOT);
        boolean close = b.contains(t) || t.contains(b) || bestDistance * 3 <= Math.max(t.length(), b.length());
        return close ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or "". */
    static String hint(String typed, Collection<String> known) {
        return to(typed, known).map(n -> " (did you mean '" + n + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
