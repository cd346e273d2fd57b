package org.refcheck.report.collect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expected;
import org.refcheck.stress.verdict.VerdictRecord;

/** The catalogue as the schema carries it: its rows with each checker's expectation, and the checkers' names. */
public final class CatalogueRows {

    private CatalogueRows() {
    }

    /** Every catalogue entry. */
    public static List<CatalogueRow> all() {
        return Catalogue.entries().stream().map(CatalogueRows::row).toList();
    }

    static CatalogueRow row(Entry e) {
        Map<String, ExpectedVerdict> expected = new LinkedHashMap<>();
        for (Checker c : Checker.values()) {
            expected.put(c.id(), expectedOf(e.expected(c)));
        }
        return new CatalogueRow(e.protocol(), e.variant(), e.bugId(), e.description(), e.original().name(),
                e.original().source(), expected);
    }

    /** The expectation a record was held to (a self-check's own, or its entry's). */
    static ExpectedVerdict expectedOf(VerdictRecord r) {
        if (!r.isSelfCheck()) {
            var entry = Catalogue.find(r.protocol(), r.variant());
            if (entry.isPresent()) {
                return expectedOf(entry.get().expected(r.checker()));
            }
        }
        return new ExpectedVerdict(r.expected().name(), r.expected().name().equals(ExpectedVerdict.NOT_EXPECTED)
                ? "self-check" : "", false);
    }

    static ExpectedVerdict expectedOf(Expected e) {
        return new ExpectedVerdict(e.expectation().name(), e.reason(), e.testsPending());
    }

    /** The state of a checker that ran. */
    public static CheckerState ran(Checker c, boolean fullSet) {
        return new CheckerState(c.id(), c.title(), true, fullSet, "");
    }

    /** The state of a checker that left nothing, and why. */
    public static CheckerState notRun(Checker c, String why) {
        return new CheckerState(c.id(), c.title(), false, false, why);
    }
}
