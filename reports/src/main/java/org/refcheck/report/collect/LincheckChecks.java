package org.refcheck.report.collect;

import java.util.List;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.Counterexample;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.Figures;
import org.refcheck.report.schema.Verdict;
import org.refcheck.report.schema.VerdictKind;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.VerdictRecord;

/**
 * Results of Lincheck 3.7 from the Lincheck harness's verdict records and the failure text it writes beside a
 * caught record ({@code .failure.txt}): the failure kind, the invocations it counted, the wall time, and the
 * interleaving, read by {@link LincheckTraceParser}.
 *
 * <p>A pass is always "passed sampled": Lincheck explores a bounded number of scenarios and invocations.
 */
final class LincheckChecks {

    /** The checker id of Lincheck. */
    static final String CHECKER = "lincheck";

    private LincheckChecks() {
    }

    /** A check from a record and its failure text (empty if there is none). */
    static CheckResult of(VerdictRecord record, ExpectedVerdict expected, String failureText) {
        Figures figures = Figures.lincheck(-1, record.count(), record.timeMillis());
        Verdict verdict;
        Counterexample counterexample = null;
        if (record.observed() == Observation.CAUGHT) {
            String kind = record.detail().contains(":") ? record.detail().substring(0, record.detail().indexOf(':'))
                    : record.detail();
            String fallback = switch (kind) {
                case "IncorrectResultsFailure" -> "linearizability";
                case "ValidationFailure" -> "validation";
                case "ManagedDeadlockFailure" -> "deadlock";
                case "ManagedLivelockFailure" -> "livelock";
                case "TimeoutFailure" -> "timeout";
                case "ObstructionFreedomViolationFailure" -> "obstruction freedom";
                default -> "exception";
            };
            verdict = new Verdict(VerdictKind.VIOLATION, Oracles.named(record.detail() + "\n" + headOf(failureText),
                    fallback), record.detail());
            if (!failureText.isBlank()) {
                counterexample = LincheckTraceParser.parse(record.detail(), failureText,
                        withoutDetailedTrace(failureText));
            }
        } else if (record.observed() == Observation.PASSED) {
            verdict = new Verdict(VerdictKind.PASSED_SAMPLED, "", record.count() < 0 ? "no failure"
                    : "no failure in " + record.count() + " invocations");
        } else {
            verdict = Records.nonVerdict(record);
        }
        return new CheckResult(record.protocol(), record.variant(), CHECKER, record.test(), verdict, expected,
                figures, List.of(), counterexample);
    }

    /**
     * The failure text without Lincheck's "Detailed trace:" table, which repeats the interleaving with every nested
     * call and frame, padded to its widest row: hundreds of kilobytes per failure. The interleaving and the results
     * tables stay; the full text remains in the verdict directory's {@code .failure.txt}.
     */
    static String withoutDetailedTrace(String failureText) {
        int detailed = failureText.indexOf("\nDetailed trace:");
        String kept = detailed < 0 ? failureText : failureText.substring(0, detailed + 1)
                + "(Lincheck's detailed trace, with the source line of every call, is in the .failure.txt file of "
                + "this check's verdict record)\n";
        return kept.lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The failure text up to its first table: the exception and its message, where the oracle is named. */
    private static String headOf(String failureText) {
        int table = failureText.indexOf("\n|");
        return table < 0 ? failureText : failureText.substring(0, table);
    }
}
