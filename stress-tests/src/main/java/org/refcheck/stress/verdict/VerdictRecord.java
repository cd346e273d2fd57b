package org.refcheck.stress.verdict;

import java.util.List;
import java.util.Objects;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;

/**
 * The machine-readable result of one test of one checker: which catalogue entry it checked, what the catalogue
 * expected, what was observed, with counts and time. The jcstress gate and the Lincheck harness write these under
 * {@code target/verdicts/<checker>/}; the summary reads them back.
 *
 * @param checker     the checker that ran the test
 * @param protocol    the entry's protocol, or {@value #SELF_CHECK} for an infrastructure self-check
 * @param variant     the entry's variant, or the self-check's name
 * @param bugId       the entry's bug id, empty for correct protocols and self-checks
 * @param test        the test: a jcstress test class, or {@code Class#method} for Lincheck
 * @param expected    what the catalogue (or, for a self-check, the test itself) demands
 * @param observed    what happened
 * @param detail      one line: the failure kind, the interesting fraction, or why it did not run
 * @param count       samples (jcstress) or invocations (Lincheck); -1 if unknown
 * @param countUnit   {@code "samples"} or {@code "invocations"}
 * @param timeMillis  wall time of the check, or the configured sampling time for jcstress
 * @param outcomes    jcstress outcomes (every declared one, also those never seen); empty for Lincheck
 */
public record VerdictRecord(Checker checker, String protocol, String variant, String bugId, String test,
                            Expectation expected, Observation observed, String detail, long count, String countUnit,
                            long timeMillis, List<OutcomeCount> outcomes) {

    /** The protocol id of infrastructure self-checks, which have no catalogue entry. */
    public static final String SELF_CHECK = "selfcheck";

    public VerdictRecord {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(bugId, "bugId");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(observed, "observed");
        detail = detail == null ? "" : detail.replace('\n', ' ');
        Objects.requireNonNull(countUnit, "countUnit");
        outcomes = List.copyOf(outcomes);
    }

    /** A record for a catalogue entry; {@code expected} is the entry's expectation for {@code checker}. */
    public static VerdictRecord forEntry(Checker checker, Entry entry, String test, Observation observed,
                                         String detail, long count, String countUnit, long timeMillis,
                                         List<OutcomeCount> outcomes) {
        return new VerdictRecord(checker, entry.protocol(), entry.variant(), entry.bugId(), test,
                entry.expected(checker).expectation(), observed, detail, count, countUnit, timeMillis, outcomes);
    }

    /** A record for an infrastructure self-check, which demands {@code expected} of itself. */
    public static VerdictRecord forSelfCheck(Checker checker, String name, String test, Expectation expected,
                                             Observation observed, String detail, long count, String countUnit,
                                             long timeMillis, List<OutcomeCount> outcomes) {
        return new VerdictRecord(checker, SELF_CHECK, name, "", test, expected, observed, detail, count, countUnit,
                timeMillis, outcomes);
    }

    /** Whether this is an infrastructure self-check rather than a test of a catalogue entry. */
    public boolean isSelfCheck() {
        return SELF_CHECK.equals(protocol);
    }

    /** {@code protocol/variant}. */
    public String entryId() {
        return protocol + "/" + variant;
    }
}
