package org.refcheck.stress.summary;

import java.util.List;
import java.util.Objects;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.verdict.VerdictRecord;

/**
 * What the summary knows about one checker's run.
 *
 * @param checker the checker
 * @param state   whether it ran, was skipped on purpose, or left no verdict directory
 * @param records its verdict records (empty unless RAN)
 * @param fullSet whether the whole suite was selected, so that a catalogue entry without tests is a problem
 * @param why     for SKIPPED and MISSING: the reason, shown in the matrix and the problem line
 */
public record CheckerRun(Checker checker, State state, List<VerdictRecord> records, boolean fullSet, String why) {

    /** How a checker's run ended, as far as its verdict directory shows. */
    public enum State {
        /** Its verdict directory exists. */
        RAN,
        /** The user skipped it on purpose (e.g. {@code -Djcstress.skip}); reported, never a failure. */
        SKIPPED,
        /** Its verdict directory is missing although it was not skipped: a failure. */
        MISSING
    }

    public CheckerRun {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(state, "state");
        records = List.copyOf(records);
        why = why == null ? "" : why;
    }

    /** A checker that ran and left these records. */
    public static CheckerRun ran(Checker checker, List<VerdictRecord> records, boolean fullSet) {
        return new CheckerRun(checker, State.RAN, records, fullSet, "");
    }

    /** A checker the user skipped. */
    public static CheckerRun skipped(Checker checker, String why) {
        return new CheckerRun(checker, State.SKIPPED, List.of(), false, why);
    }

    /** A checker whose verdict directory is missing. */
    public static CheckerRun missing(Checker checker, String why) {
        return new CheckerRun(checker, State.MISSING, List.of(), false, why);
    }
}
