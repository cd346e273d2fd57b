package org.refcheck.stress.gate;

import static org.refcheck.stress.gate.ObservedTest.ACCEPTABLE_INTERESTING;
import static org.refcheck.stress.gate.ObservedTest.FORBIDDEN;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.catalogue.Expected;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.OutcomeCount;
import org.refcheck.stress.verdict.VerdictRecord;

/**
 * The jcstress gate's rules, on plain inputs so that they can be tested without running jcstress.
 *
 * <p>A run fails when any of these holds:
 * <ol>
 *   <li>no test was selected (jcstress itself exits 0 on "No matching tests");</li>
 *   <li>a selected test produced no result, unless it has more actors than the host has CPUs (then it is reported
 *       as NOT RUN: jcstress cannot schedule it, and says so only in its log);</li>
 *   <li>a result's status is not {@code NORMAL} (test error, VM error, timeout, API mismatch);</li>
 *   <li>a test of a correct protocol, a self-check or a canary shows a {@code FORBIDDEN} outcome, or a mutant test
 *       shows one (mutants declare their bug's outcomes {@code ACCEPTABLE_INTERESTING});</li>
 *   <li>a mutant test declares no {@code ACCEPTABLE_INTERESTING} outcome, or the catalogue says jcstress CATCHES
 *       the mutant and no such outcome occurred (the test has lost its power);</li>
 *   <li>a canary self-check never showed its {@code ACCEPTABLE_INTERESTING} race;</li>
 *   <li>a test has no usable {@code @Checks} (missing outside the self-check package, or an unknown id);</li>
 *   <li>a test exists for a catalogue cell still marked pending;</li>
 *   <li>when the whole suite was selected: a catalogue entry whose jcstress cell requires tests has none that
 *       ran.</li>
 * </ol>
 */
public final class JcstressGateRules {

    private JcstressGateRules() {
    }

    /**
     * Grades one jcstress run.
     *
     * @param selected  the tests the {@code -t} filter selected from {@code META-INF/TestList}
     * @param observed  what each test produced, by test name
     * @param cpus      how many CPUs jcstress could use
     * @param fullSet   whether the filter selected the whole suite (enables the coverage rule)
     * @param catalogue the catalogue entries
     */
    public static GateReport evaluate(List<DeclaredTest> selected, Map<String, ObservedTest> observed, int cpus,
                                      boolean fullSet, List<Entry> catalogue) {
        List<VerdictRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (selected.isEmpty()) {
            problems.add("no jcstress test was selected: check -Djcstress.tests and META-INF/TestList "
                    + "(jcstress exits 0 when nothing matches)");
        }
        Set<String> selectedNames = new HashSet<>();
        for (DeclaredTest t : selected) {
            selectedNames.add(t.name());
            grade(t, observed.get(t.name()), cpus, records, problems, notes);
        }
        for (String name : observed.keySet()) {
            if (!selectedNames.contains(name)) {
                notes.add(name + ": has results but was not selected; ignored");
            }
        }
        if (fullSet) {
            coverage(catalogue, records, problems);
        }
        return new GateReport(records, problems, notes);
    }

    private static void grade(DeclaredTest t, ObservedTest run, int cpus, List<VerdictRecord> records,
                              List<String> problems, List<String> notes) {
        String who = t.shortName();
        if (t.role() == DeclaredTest.Role.UNUSABLE) {
            problems.add(who + ": " + t.problem());
            return;
        }
        if (t.entry() != null && t.entry().expected(Checker.JCSTRESS).testsPending()) {
            problems.add(who + ": tests " + t.entry().id() + ", whose jcstress cell is still marked pending in the "
                    + "catalogue; remove pending(...) from that cell");
        }
        if (run == null || run.results() == 0) {
            if (t.threads() > cpus) {
                String why = "needs >= " + t.threads() + " CPUs, this host has " + cpus;
                notes.add(who + ": NOT RUN (" + why + ")");
                records.add(record(t, Observation.NOT_RUN, why, 0, 0, List.of()));
            } else {
                problems.add(who + ": selected but produced no result (" + t.threads() + " actors, " + cpus
                        + " CPUs)");
            }
            return;
        }
        long total = run.totalSamples();
        if (!run.errors().isEmpty()) {
            problems.add(who + ": " + run.errors().size() + " of " + run.results() + " configurations did not "
                    + "finish normally: " + run.errors().get(0));
            records.add(record(t, Observation.ERROR, run.errors().get(0), total, run.samplingMillis(),
                    run.outcomes()));
            return;
        }
        if (total == 0) {
            problems.add(who + ": ran in " + run.results() + " configurations but collected no samples");
            records.add(record(t, Observation.ERROR, "no samples", 0, run.samplingMillis(), run.outcomes()));
            return;
        }
        long forbidden = run.samples(FORBIDDEN);
        long interesting = run.samples(ACCEPTABLE_INTERESTING);
        if (forbidden > 0) {
            OutcomeCount worst = run.seen(FORBIDDEN).get(0);
            String seen = "FORBIDDEN outcome '" + worst.id() + "' (" + worst.description() + ") in "
                    + fraction(forbidden, total);
            if (t.entry() != null && t.entry().isMutant()) {
                problems.add(who + ": mutant " + t.entry() + " shows a " + seen + "; a mutant test declares its "
                        + "bug's outcomes ACCEPTABLE_INTERESTING and keeps FORBIDDEN for results that are impossible "
                        + "even with the bug");
                records.add(record(t, Observation.ERROR, seen, total, run.samplingMillis(), run.outcomes()));
            } else {
                problems.add(who + ": " + subject(t) + " was flagged: " + seen);
                records.add(record(t, Observation.CAUGHT, seen, total, run.samplingMillis(), run.outcomes()));
            }
            return;
        }
        switch (t.role()) {
            case CANARY -> {
                if (interesting == 0) {
                    problems.add(who + ": canary never showed its race in " + String.format(Locale.ROOT, "%,d", total)
                            + " samples: this run did not race, so no PASSED in it means anything");
                    records.add(record(t, Observation.PASSED, "race never observed", total, run.samplingMillis(),
                            run.outcomes()));
                } else {
                    records.add(record(t, Observation.CAUGHT, interestingDetail(run), total, run.samplingMillis(),
                            run.outcomes()));
                }
            }
            case SELF_CHECK -> records.add(record(t, Observation.PASSED, "no forbidden outcome", total,
                    run.samplingMillis(), run.outcomes()));
            case ENTRY -> gradeEntry(t, run, who, records, problems, notes);
            default -> throw new IllegalStateException(t.role().name());
        }
    }

    private static void gradeEntry(DeclaredTest t, ObservedTest run, String who, List<VerdictRecord> records,
                                   List<String> problems, List<String> notes) {
        Entry entry = t.entry();
        long total = run.totalSamples();
        if (!entry.isMutant()) {
            records.add(record(t, Observation.PASSED, "no forbidden outcome", total, run.samplingMillis(),
                    run.outcomes()));
            return;
        }
        Expected expected = entry.expected(Checker.JCSTRESS);
        if (!t.declaresInteresting()) {
            problems.add(who + ": mutant test of " + entry + " declares no ACCEPTABLE_INTERESTING outcome, so it can "
                    + "never report the bug");
        }
        long interesting = run.samples(ACCEPTABLE_INTERESTING);
        if (interesting > 0) {
            records.add(record(t, Observation.CAUGHT, interestingDetail(run), total, run.samplingMillis(),
                    run.outcomes()));
            if (expected.expectation() == Expectation.NOT_EXPECTED) {
                notes.add(who + ": caught " + entry + " although the catalogue does not expect jcstress to ("
                        + expected.reason() + ")");
            }
        } else {
            records.add(record(t, Observation.PASSED, "bug never observed", total, run.samplingMillis(),
                    run.outcomes()));
            if (expected.expectation() == Expectation.CATCHES) {
                problems.add(who + ": mutant " + entry + " was not caught: no ACCEPTABLE_INTERESTING outcome in "
                        + String.format(Locale.ROOT, "%,d", total) + " samples; the test has lost its power");
            }
        }
    }

    private static void coverage(List<Entry> catalogue, List<VerdictRecord> records, List<String> problems) {
        for (Entry e : catalogue) {
            Expected expected = e.expected(Checker.JCSTRESS);
            if (!expected.requiresTests()) {
                continue;
            }
            boolean any = false;
            boolean ran = false;
            for (VerdictRecord r : records) {
                if (!r.isSelfCheck() && r.entryId().equals(e.id())) {
                    any = true;
                    ran |= r.observed() != Observation.NOT_RUN;
                }
            }
            if (!any) {
                problems.add(e.id() + ": the catalogue expects jcstress to " + verb(expected) + " it, but no jcstress "
                        + "test has @Checks(protocol = \"" + e.protocol() + "\", variant = \"" + e.variant() + "\")");
            } else if (!ran) {
                problems.add(e.id() + ": the catalogue expects jcstress to " + verb(expected) + " it, but none of "
                        + "its jcstress tests could run on this host (add a 2-actor version)");
            }
        }
    }

    private static String verb(Expected expected) {
        return expected.expectation() == Expectation.CATCHES ? "catch" : "pass";
    }

    private static String subject(DeclaredTest t) {
        return switch (t.role()) {
            case ENTRY -> "correct protocol " + t.entry();
            case CANARY -> "canary self-check";
            default -> "self-check";
        };
    }

    private static String interestingDetail(ObservedTest run) {
        OutcomeCount top = run.seen(ACCEPTABLE_INTERESTING).get(0);
        return "'" + top.id() + "' (" + top.description() + "); interesting in "
                + fraction(run.samples(ACCEPTABLE_INTERESTING), run.totalSamples());
    }

    static String fraction(long part, long total) {
        return String.format(Locale.ROOT, "%,d of %,d samples (%.2f%%)", part, total,
                total == 0 ? 0.0 : 100.0 * part / total);
    }

    private static VerdictRecord record(DeclaredTest t, Observation observed, String detail, long samples,
                                        long millis, List<OutcomeCount> outcomes) {
        if (t.role() == DeclaredTest.Role.ENTRY) {
            return VerdictRecord.forEntry(Checker.JCSTRESS, t.entry(), t.name(), observed, detail, samples, "samples",
                    millis, outcomes);
        }
        Expectation expected = t.role() == DeclaredTest.Role.CANARY ? Expectation.CATCHES : Expectation.PASSES;
        return VerdictRecord.forSelfCheck(Checker.JCSTRESS, t.shortName(), t.name(), expected, observed, detail,
                samples, "samples", millis, outcomes);
    }
}
