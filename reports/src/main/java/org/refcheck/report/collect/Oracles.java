package org.refcheck.report.collect;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Locale;

/**
 * Names the oracle behind a failure message, so that a violation reads "violation: use after free" whichever checker
 * reported it: the lifetime oracles' phrases (use after free, double free, leak, resurrection, ...), else a fallback
 * the caller gives (e.g. "linearizability" for Lincheck's incorrect results).
 */
final class Oracles {

    /*
     * Implementation notes. Matching is case-insensitive substring search over the whole message (and, for jcstress,
     * over the descriptions of every interesting or forbidden outcome seen), so a failure that names several
     * findings ("resurrection ... use after free") reports them all, in the table's order, each once.
     */

    /**
     * Phrase to oracle: the lifetime tracker's and model checker's own words, and the wordings the jcstress outcome
     * descriptions use for the same findings. Oracles are reported in this order.
     */
    private static final String[][] PHRASES = {
            {"use after free", "use after free"},
            {"after the other holder destroyed or freed", "use after free"},
            {"double free", "double free"},
            {"freed a second time", "double free"},
            {"both freed it", "double free"},
            {"double destroy", "double destroy"},
            {"destroyed twice", "double destroy"},
            {"leak", "leak"},
            {"resurrection", "resurrection"},
            {"rose from zero", "resurrection"},
            {"from zero to one", "resurrection"},
            {"aliased mutable access", "aliased mutable access"},
            {"aliasing", "aliased mutable access"},
            {"negative count", "negative count"},
            {"deadlock", "deadlock"},
            {"livelock", "livelock"},
            {"non-deterministic", "non-determinism"}};

    private Oracles() {
    }

    /** The oracles named in {@code text}, joined by ", ", or {@code fallback} if it names none. */
    static String named(String text, String fallback) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        for (String[] phrase : PHRASES) {
            if (lower.contains(phrase[0])) {
                found.add(phrase[1]);
            }
        }
        return found.isEmpty() ? fallback : String.join(", ", found);
    }
}
