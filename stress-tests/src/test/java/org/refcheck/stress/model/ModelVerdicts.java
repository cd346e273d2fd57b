package org.refcheck.stress.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;
import org.refcheck.model.Counterexample;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.harness.CallingTest;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.VerdictRecord;
import org.refcheck.stress.verdict.VerdictStore;

/**
 * Runs a catalogue scenario through refcheck's model checker and records the verdict under
 * {@code target/verdicts/model/}, asserting on the JUnit thread what the catalogue demands: a correct protocol is
 * verified exhaustively (every trace, no preemption bound) and never flagged; a mutant is caught, with a
 * counterexample that replays. The run's statistics are written beside the record ({@code .figures}), and a
 * counterexample as text and as JSON.
 *
 * <pre> {@code
 * @Test @Checks(protocol = "ref", variant = "touch-after-dec")
 * void dropDrop() { ModelVerdicts.expectCaught("2 threads", Scenarios.refDropDrop(TouchAfterDecrementRef::create, 2)); }
 * }</pre>
 */
public final class ModelVerdicts {

    /** The system property naming the one check ({@code Class#method [shape]}) whose schedule is replayed. */
    public static final String REPLAY_TEST = "refcheck.replay.test";

    private ModelVerdicts() {
    }

    /** The correct protocol of the calling test's entry: every execution of {@code scenario} must pass. */
    public static ModelResult expectPasses(String shape, Runnable scenario) {
        return expectPasses(shape, Model.builder(), scenario);
    }

    /** As {@link #expectPasses(String, Runnable)}, with options (e.g. leak checking off for a leaking scenario). */
    public static ModelResult expectPasses(String shape, Model.Builder options, Runnable scenario) {
        Entry entry = CallingTest.entry();
        CallingTest.requireExpectation(entry, Checker.MODEL, Expectation.PASSES);
        ModelResult r = run(entry, shape, options, scenario);
        if (r.failed()) {
            throw new AssertionFailedError("the model checker flagged the correct protocol " + entry + " (" + shape
                    + "):\n" + r.counterexample().render());
        }
        if (!r.exhaustive()) {
            throw new AssertionFailedError(entry + " (" + shape + ") was not explored exhaustively: " + r.summary());
        }
        return r;
    }

    /** A mutant of the calling test's entry: some execution of {@code scenario} must fail. */
    public static Counterexample expectCaught(String shape, Runnable scenario) {
        return expectCaught(shape, Model.builder(), scenario);
    }

    /** As {@link #expectCaught(String, Runnable)}, with options. */
    public static Counterexample expectCaught(String shape, Model.Builder options, Runnable scenario) {
        Entry entry = CallingTest.entry();
        CallingTest.requireExpectation(entry, Checker.MODEL, Expectation.CATCHES);
        ModelResult r = run(entry, shape, options, scenario);
        if (!r.failed()) {
            throw new AssertionFailedError("the model checker did not catch " + entry + " (" + shape + ") in "
                    + r.executions() + " executions: the scenario has lost its power. " + r.summary());
        }
        if (!r.counterexample().replayed()) {
            throw new AssertionFailedError("the counterexample for " + entry + " does not replay:\n"
                    + r.counterexample().render());
        }
        return r.counterexample();
    }

    /** An entry the model checker is not expected to catch: run it and record what it concluded. */
    public static ModelResult observe(String shape, Runnable scenario) {
        Entry entry = CallingTest.entry();
        CallingTest.requireExpectation(entry, Checker.MODEL, Expectation.NOT_EXPECTED);
        return run(entry, shape, Model.builder(), scenario);
    }

    /**
     * Explores the scenario without a preemption bound and records the verdict. While one check is replayed
     * ({@value #REPLAY_TEST} names it, as {@code refcheck replay} sets it), every other check of the same JUnit
     * method is skipped, so the schedule is applied only to the scenario it came from.
     */
    private static ModelResult run(Entry entry, String shape, Model.Builder options, Runnable scenario) {
        String test = CallingTest.name(ModelVerdicts.class) + " [" + shape + "]";
        String replayed = System.getProperty(REPLAY_TEST);
        Assumptions.assumeTrue(replayed == null || replayed.equals(test),
                () -> "replaying " + replayed + ", not " + test);
        ModelResult r = options.maxPreemptions(-1).check(scenario);
        record(entry, test, shape, r);
        return r;
    }

    static void record(Entry entry, String shape, ModelResult r) {
        record(entry, CallingTest.name(ModelVerdicts.class) + " [" + shape + "]", shape, r);
    }

    private static void record(Entry entry, String test, String shape, ModelResult r) {
        Observation observed = r.failed() ? Observation.CAUGHT : Observation.PASSED;
        String detail = r.failed()
                ? r.counterexample().failure() + "; replay " + r.counterexample().schedule().encode()
                : (r.exhaustive() ? "exhaustive: " : "not exhaustive: ") + r.traces() + " traces";
        VerdictRecord v = VerdictRecord.forEntry(Checker.MODEL, entry, test, observed, detail, r.executions(),
                "executions", r.wallTime().toMillis(), List.of());
        Path file = VerdictStore.write(CallingTest.verdictRoot(), v);
        String base = file.getFileName().toString().replace(".properties", "");
        write(file.resolveSibling(base + ".figures"), figures(r));
        if (r.failed()) {
            write(file.resolveSibling(base + ".failure.txt"), r.counterexample().render());
            write(file.resolveSibling(base + ".trace.json"), r.counterexample().toJson());
        }
        System.out.println("[model] " + entry + " (" + shape + "): " + observed + ", " + r.summary());
    }

    /** The run's statistics for the reports, as {@code key=value} lines (not a {@code .properties} record). */
    private static String figures(ModelResult r) {
        return "strategy=" + r.strategy() + "\nexecutions=" + r.executions() + "\ntraces=" + r.traces()
                + "\nsleepBlocked=" + r.sleepBlocked() + "\nprunedBranches=" + r.prunedBranches()
                + "\nmergedStates=" + r.mergedStates()
                + "\nlongestExecution=" + r.longestExecution() + "\nexhaustive=" + r.exhaustive()
                + "\nwallNanos=" + r.wallTime().toNanos() + "\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
