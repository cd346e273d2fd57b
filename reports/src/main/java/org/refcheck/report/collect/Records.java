package org.refcheck.report.collect;

import org.refcheck.report.schema.Verdict;
import org.refcheck.report.schema.VerdictKind;
import org.refcheck.stress.verdict.VerdictRecord;

/** What every checker's collector reads the same way from a verdict record. */
final class Records {

    private Records() {
    }

    /** The verdict of a record that neither caught nor passed: NOT_RUN or ERROR, with the record's detail. */
    static Verdict nonVerdict(VerdictRecord record) {
        return switch (record.observed()) {
            case NOT_RUN -> new Verdict(VerdictKind.NOT_RUN, "", notRunReason(record.detail()));
            case ERROR -> new Verdict(VerdictKind.ERROR, "", record.detail());
            default -> throw new IllegalArgumentException("not a non-verdict: " + record.observed());
        };
    }

    /** "needs >= 4 CPUs" from the gate's "NOT RUN (needs >= 4 CPUs)". */
    private static String notRunReason(String detail) {
        String d = detail.strip();
        if (d.startsWith("NOT RUN (") && d.endsWith(")")) {
            return d.substring("NOT RUN (".length(), d.length() - 1);
        }
        return d;
    }
}
