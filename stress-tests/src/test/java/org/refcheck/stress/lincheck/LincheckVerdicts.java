package org.refcheck.stress.lincheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.opentest4j.AssertionFailedError;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.harness.CallingTest;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.VerdictRecord;
import org.refcheck.stress.verdict.VerdictStore;

/**
 * Runs a Lincheck check for a catalogue entry, holds the outcome against the catalogue, and records it under
 * {@code target/verdicts/lincheck/} for the summary.
 *
 * <pre> {@code
 * @Test
 * @Checks(protocol = "arc-weak", variant = "upgrade-fetch-add")
 * void upgradeFetchAddIsCaught() {
 *     LincheckVerdicts.expectCaught(
 *             () -> LincheckSizes.modelChecking().threads(2).actorsPerThread(2).check(UpgradeFetchAddOps.class));
 * }
 *
 * @Test
 * void correctArcPasses() {
 *     LincheckVerdicts.expectPasses(Catalogue.get("arc-weak", "correct"),
 *             () -> Lincheck.runConcurrentTest(LincheckSizes.invocations(), () -> {
 *                 LifetimeTracker heap = new LifetimeTracker();
 *                 ...
 *                 ConcurrentRun.inThreads(heap, () -> a.drop(), () -> b.drop());   // asserts on the main thread
 *             }));
 * }
 * }</pre>
 *
 * <p>{@link #expectCaught} fails the test when Lincheck reports nothing (a lost detection is a failure, not a pass),
 * and records the failure kind (the {@code LincheckFailure} class, e.g. {@code IncorrectResultsFailure}), the
 * invocations counted by {@link InvocationCounter} and the wall time; the failure text goes next to the record in a
 * {@code .failure.txt} file. {@link #expectPasses} fails the test when Lincheck reports a failure. Both also fail when
 * the catalogue expects something else of Lincheck for the entry, or when the entry's Lincheck cell is still pending.
 */
public final class LincheckVerdicts {

    private LincheckVerdicts() {
    }

    /** A Lincheck check: typically {@code options.check(Ops.class)} or {@code Lincheck.runConcurrentTest(...)}. */
    @FunctionalInterface
    public interface Check {
        void run() throws Throwable;
    }

    /**
     * The failure kind recorded when Lincheck found a failure but threw while building its report (seen with
     * Lincheck 3.7: an {@code IndexOutOfBoundsException} from its trace reporter, {@code TraceNodes.traceToTree},
     * for a runConcurrentTest failure). The detection stands; the text is then {@link ConcurrentRun#lastFailure()}.
     */
    public static final String UNRENDERED_FAILURE = "UnrenderedFailure";

    /** What one check observed. */
    public record Outcome(boolean caught, String failureKind, String failureText, long invocations, long millis) {
    }

    /** {@link #expectCaught(Entry, Check)} for the entry named by {@code @Checks} on the test method or class. */
    public static Outcome expectCaught(Check check) {
        return expectCaught(entryOfCallingTest(), check);
    }

    /** {@link #expectPasses(Entry, Check)} for the entry named by {@code @Checks} on the test method or class. */
    public static Outcome expectPasses(Check check) {
        return expectPasses(entryOfCallingTest(), check);
    }

    /** {@link #observe(Entry, Check)} for the entry named by {@code @Checks} on the test method or class. */
    public static Outcome observe(Check check) {
        return observe(entryOfCallingTest(), check);
    }

    /** Runs {@code check}, which must make Lincheck report the entry's bug. */
    public static Outcome expectCaught(Entry entry, Check check) {
        requireExpectation(entry, Expectation.CATCHES);
        Outcome o = run(check);
        record(entry, null, Expectation.CATCHES, o);
        if (!o.caught()) {
            throw new AssertionFailedError("Lincheck did not catch " + entry + " in " + o.invocations()
                    + " invocations (" + o.millis() + " ms): the catalogue says it must, so this test has lost its "
                    + "power");
        }
        return o;
    }

    /** Runs {@code check}, which must pass: the entry is a correct protocol. */
    public static Outcome expectPasses(Entry entry, Check check) {
        requireExpectation(entry, Expectation.PASSES);
        Outcome o = run(check);
        record(entry, null, Expectation.PASSES, o);
        if (o.caught()) {
            throw new AssertionFailedError("Lincheck flagged the correct protocol " + entry + " with "
                    + o.failureKind() + ":\n" + o.failureText());
        }
        return o;
    }

    /**
     * Runs {@code check} for an entry the catalogue does not expect Lincheck to catch, and records what happened
     * without failing either way (a catch is good news, shown in the summary).
     */
    public static Outcome observe(Entry entry, Check check) {
        requireExpectation(entry, Expectation.NOT_EXPECTED);
        Outcome o = run(check);
        record(entry, null, Expectation.NOT_EXPECTED, o);
        return o;
    }

    /** An infrastructure self-check that Lincheck must pass. */
    public static Outcome selfCheckPasses(String name, Check check) {
        Outcome o = run(check);
        record(null, name, Expectation.PASSES, o);
        if (o.caught()) {
            throw new AssertionFailedError("self-check " + name + " flagged by Lincheck with " + o.failureKind()
                    + ":\n" + o.failureText());
        }
        return o;
    }

    /** An infrastructure canary that Lincheck must catch; if it does not, Lincheck runs prove nothing. */
    public static Outcome selfCheckCaught(String name, Check check) {
        Outcome o = run(check);
        record(null, name, Expectation.CATCHES, o);
        if (!o.caught()) {
            throw new AssertionFailedError("canary " + name + " was not caught by Lincheck in " + o.invocations()
                    + " invocations: the harness has lost its power");
        }
        return o;
    }

    /** The root directory of verdict records ({@code -Drefcheck.verdicts}, default {@code target/verdicts}). */
    public static Path verdictRoot() {
        return CallingTest.verdictRoot();
    }

    private static void requireExpectation(Entry entry, Expectation wanted) {
        CallingTest.requireExpectation(entry, Checker.LINCHECK, wanted);
    }

    private static Outcome run(Check check) {
        long before = InvocationCounter.read();
        long start = System.nanoTime();
        ConcurrentRun.clearLastFailure();
        try {
            check.run();
            return new Outcome(false, "", "", InvocationCounter.read() - before, millisSince(start));
        } catch (LincheckAssertionError e) {
            Object failure = e.getFailure$lincheck();
            return new Outcome(true, failure.getClass().getSimpleName(), String.valueOf(failure),
                    InvocationCounter.read() - before, millisSince(start));
        } catch (RuntimeException | Error e) {
            if (thrownWhileReportingAFailure(e)) {
                return new Outcome(true, UNRENDERED_FAILURE, "Lincheck found a failure, then crashed rendering its "
                        + "report (" + e + ");\nthe last failure ConcurrentRun raised: "
                        + (ConcurrentRun.lastFailure().isEmpty() ? "none" : ConcurrentRun.lastFailure()),
                        InvocationCounter.read() - before, millisSince(start));
            }
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("the check threw " + t, t);
        }
    }

    private static void record(Entry entry, String selfCheck, Expectation expected, Outcome o) {
        String test = callingTest();
        long invocations = o.invocations() > 0 ? o.invocations() : -1;
        String detail = o.caught() ? o.failureKind() + firstThrowable(o.failureText()) : "no failure";
        Observation observed = o.caught() ? Observation.CAUGHT : Observation.PASSED;
        VerdictRecord r = entry != null
                ? VerdictRecord.forEntry(Checker.LINCHECK, entry, test, observed, detail, invocations, "invocations",
                        o.millis(), List.of())
                : VerdictRecord.forSelfCheck(Checker.LINCHECK, selfCheck, test, expected, observed, detail,
                        invocations, "invocations", o.millis(), List.of());
        Path file = VerdictStore.write(verdictRoot(), r);
        if (o.caught()) {
            Path text = file.resolveSibling(file.getFileName().toString().replace(".properties", ".failure.txt"));
            try {
                Files.writeString(text, o.failureText(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println("[lincheck] " + (entry != null ? entry.toString() : "self-check " + selfCheck) + ": "
                + observed + " (" + detail + "), " + (invocations < 0 ? "?" : invocations) + " invocations, "
                + o.millis() + " ms");
    }

    private static String callingTest() {
        return CallingTest.name(LincheckVerdicts.class);
    }

    private static Entry entryOfCallingTest() {
        return CallingTest.entry();
    }

    /**
     * Whether {@code e} escaped from the construction of a {@code LincheckAssertionError}, which Lincheck only
     * builds for a failure it found (its constructor renders the failure's report).
     */
    static boolean thrownWhileReportingAFailure(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(LincheckAssertionError.class.getName())
                    && frame.getMethodName().equals("<init>")) {
                return true;
            }
        }
        return false;
    }

    /** ": " and the first exception line of a failure text (with its first detail line), or "" if none. */
    static String firstThrowable(String failureText) {
        List<String> lines = failureText.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.matches("[\\w.$]+(Error|Exception)(:.*)?")) {
                String more = i + 1 < lines.size() && lines.get(i + 1).startsWith("  ") ? " " + lines.get(i + 1).strip()
                        : "";
                String text = ": " + line + more;
                return text.length() > 240 ? text.substring(0, 240) + "..." : text;
            }
        }
        return "";
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
