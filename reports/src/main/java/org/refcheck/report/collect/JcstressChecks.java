package org.refcheck.report.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.Figures;
import org.refcheck.report.schema.Outcome;
import org.refcheck.report.schema.Verdict;
import org.refcheck.report.schema.VerdictKind;
import org.refcheck.stress.gate.ObservedTest;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.OutcomeCount;
import org.refcheck.stress.verdict.VerdictRecord;

/**
 * Results of jcstress 0.16: the jcstress gate's verdict records, with the outcome counts taken from jcstress's own
 * results file ({@code jcstress-results-*.bin.gz}, read through jcstress's collector classes by
 * {@link org.refcheck.stress.gate.JcstressResults}) where the test is in it, and from the record otherwise. Every
 * declared outcome is kept, also those never observed, and the number of run configurations (JVM flags, compilation
 * modes) the samples are summed over.
 *
 * <p>A pass is "passed sampled"; a violation names the oracle of the interesting (mutant) or forbidden (correct
 * protocol) outcomes seen.
 */
final class JcstressChecks {

    /** The checker id of jcstress. */
    static final String CHECKER = "jcstress";

    private JcstressChecks() {
    }

    /** A check from a gate record and, if jcstress's results file has the test, what it observed. */
    static CheckResult of(VerdictRecord record, ExpectedVerdict expected, ObservedTest observed) {
        List<OutcomeCount> counts = observed != null && !observed.outcomes().isEmpty() ? observed.outcomes()
                : record.outcomes();
        List<Outcome> outcomes = new ArrayList<>();
        for (OutcomeCount o : counts) {
            outcomes.add(new Outcome(o.id(), o.expect(), o.samples(), o.description()));
        }
        long samples = counts.stream().mapToLong(OutcomeCount::samples).sum();
        Figures figures = new Figures(-1, -1, -1, -1, record.observed() == Observation.NOT_RUN ? -1 : samples,
                observed != null ? observed.samplingMillis() : record.timeMillis(),
                observed != null ? Map.of("configurations", (long) observed.results()) : Map.of());
        Verdict verdict = switch (record.observed()) {
            case CAUGHT -> new Verdict(VerdictKind.VIOLATION, oracle(counts), record.detail());
            case PASSED -> new Verdict(VerdictKind.PASSED_SAMPLED, "", String.format(java.util.Locale.ROOT,
                    "no forbidden outcome in %,d samples", samples));
            default -> Records.nonVerdict(record);
        };
        return new CheckResult(record.protocol(), record.variant(), CHECKER, record.test(), verdict, expected,
                figures, outcomes, null);
    }

    /** The oracles the seen interesting or forbidden outcomes describe. */
    private static String oracle(List<OutcomeCount> counts) {
        StringBuilder seen = new StringBuilder();
        for (OutcomeCount o : counts) {
            if (o.samples() > 0 && !o.expect().equals(ObservedTest.ACCEPTABLE)) {
                seen.append(o.description()).append('\n');
            }
        }
        return Oracles.named(seen.toString(), "the bug's outcome was observed");
    }
}
