package org.refcheck.stress.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refcheck.stress.TextTable;
import org.refcheck.stress.verdict.OutcomeCount;

/**
 * A jcstress test's outcomes as jcstress prints them ({@code RESULT SAMPLES FREQ EXPECT DESCRIPTION}), but with every
 * declared outcome, also those never observed: a forbidden outcome with 0 samples is exactly what a reader wants to
 * see.
 */
public final class OutcomeTable {

    private OutcomeTable() {
    }

    /** The table for one test's summed outcomes. */
    public static String render(List<OutcomeCount> outcomes) {
        long total = outcomes.stream().mapToLong(OutcomeCount::samples).sum();
        List<List<String>> rows = new ArrayList<>();
        for (OutcomeCount o : outcomes) {
            rows.add(List.of(o.id(), String.format(Locale.ROOT, "%,d", o.samples()),
                    String.format(Locale.ROOT, "%.2f%%", total == 0 ? 0.0 : 100.0 * o.samples() / total),
                    expectTitle(o.expect()), o.description()));
        }
        return TextTable.render(List.of("RESULT", "SAMPLES", "FREQ", "EXPECT", "DESCRIPTION"), rows,
                TextTable.RIGHT, TextTable.RIGHT, TextTable.RIGHT, TextTable.RIGHT);
    }

    /** jcstress's names for the gradings. */
    static String expectTitle(String expect) {
        return switch (expect) {
            case ObservedTest.ACCEPTABLE -> "Acceptable";
            case ObservedTest.ACCEPTABLE_INTERESTING -> "Interesting";
            case ObservedTest.FORBIDDEN -> "Forbidden";
            default -> expect;
        };
    }
}
