package org.refcheck.fray;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refcheck.model.Model;
import org.refcheck.model.bench.PerformanceReport;
import org.refcheck.model.bench.PerformanceTable;
import org.refcheck.stress.model.SpeedRuns;
import org.refcheck.stress.model.SideBySideRows;
import org.refcheck.stress.model.SideBySideRows.Race;

/**
 * The side-by-side races ({@link SideBySideRows}, the rows refcheck is compared with Lincheck on) through refcheck's
 * model checker and through Fray's POS and PCT schedulers, in one JVM: the Fray JDK 25 image with Fray's agents.
 * Writes a performance document for the report's performance page, then fails if a correct protocol was flagged by
 * either checker, if refcheck missed a mutant, or if Fray's result on a mutant is not the one declared below.
 *
 * <p>How to run: {@code mvn -B -Pfray verify -pl fray -am}. refcheck: one warm-up, then the median of
 * {@code -Drefcheck.speed.repeats} runs (default 5). Fray: after one warm-up search, one search per row and
 * scheduler, of at most {@code -Drefcheck.fray.iterations} (default 10,000) iterations or
 * {@code -Drefcheck.fray.seconds} (default 60); Fray has no exhaustive mode, so a correct protocol is "clean after N
 * iterations", never exhausted. A second table measures which operations Fray switches threads at
 * ({@link SchedulingPoints}).
 * {@code -Drefcheck.fray.out=FILE} names the document (default {@code target/performance-fray.json}).
 */
class FraySideBySideTest {

    /*
     * What Fray is declared to do on each mutant, and why. Fray 0.9.2 makes a scheduling point of monitors, locks,
     * park, thread start and join, java.util.concurrent atomics, volatile field instructions and, of VarHandle
     * operations, only compareAndSet, getVolatile and setVolatile (VarHandleInstrumenter). refcheck's production
     * back-end is VarHandle code in the modes the protocol asks for: getAndAdd(Release), compareAndExchange(Acquire),
     * getOpaque, getAcquire, setRelease. Between two of those, Fray never switches threads. So it finds the mutants
     * whose bad interleaving needs switches only at thread start, join or the table's lock (B10: the upgrade's
     * fetch_add after the last drop; B4: a put outside the lock against a lookup), and cannot reach the two whose
     * window lies between two counter operations of one thread (B11: touching the count after a decrement that did
     * not free; B5: taking the reference after the lookup dropped the lock, against a put that frees in between).
     * SchedulingPoints measures the claim on every run (the document's second table).
     * A change in either direction fails the test, so that this note and the document are rewritten with it.
     */
    private static final Map<Race, Boolean> FRAY_FINDS = Map.of(
            SideBySideRows.REF_B11, false,
            SideBySideRows.ARC_B10, true,
            SideBySideRows.KREF_A_B4, true,
            SideBySideRows.KREF_B_B5, false);

    private static final int ITERATIONS = Integer.getInteger("refcheck.fray.iterations", 10_000);
    private static final int SECONDS = Integer.getInteger("refcheck.fray.seconds", 60);
    private static final int WARM_UP = 200;
    private static final int PROBE_ITERATIONS = 200;
    private static final String OUT = System.getProperty("refcheck.fray.out", "target/performance-fray.json");

    @Test
    void sideBySide() throws IOException {
        if (!FrayRun.active()) {
            fail("Fray is not enabled in this JVM (" + System.getProperty("java.home") + ", Java "
                    + Runtime.version() + "): run through mvn -Pfray, which starts the tests on the Fray JDK image");
        }
        PerformanceReport report = new PerformanceReport("fray", "refcheck against Fray's schedulers");
        report.environment("Fray", "0.9.2, instrumented JDK image (jlink from the run-time image) with its agents")
                .environment("Fray budget per search", ITERATIONS + " iterations or " + SECONDS + " s")
                .environment("refcheck", "model checker in the same JVM, Fray's agents loaded but no Fray run active");
        List<String> columns = new ArrayList<>(List.of("scenario", "refcheck executions", "refcheck ms",
                "refcheck verdict"));
        for (FrayRun.Strategy s : FrayRun.Strategy.values()) {
            columns.addAll(List.of(s.label + " iterations", s.label + " ms", s.label + " iterations/s",
                    s.label + " verdict"));
        }
        PerformanceTable table = report.table("fray", "Time to the first counterexample (mutants) and to exhaust or "
                + "spend the budget (correct protocols): refcheck and Fray 0.9.2 in one JVM", columns);
        table.note(PerformanceReport.format("refcheck: median of %d warm runs, ms to the first failing execution "
                + "for a mutant, to exhaustion for a correct protocol. Fray: one search per cell, after one warm-up "
                + "search of %d iterations, with the scheduler's default settings (PCT: 3 switch points), ms to the "
                + "first failure or to the end of the budget of "
                + "%,d iterations or %d s; Fray cannot exhaust, so a correct protocol is clean after N iterations. "
                + "Fray switches threads at locks, thread start/join, atomics and volatile fields, but of VarHandle "
                + "operations only at compareAndSet/getVolatile/setVolatile: refcheck's protocols use getAndAdd, "
                + "compareAndExchange, getOpaque and getAcquire, so a window between two counter operations of one "
                + "thread is invisible to it. Command: mvn -B -Pfray verify -pl fray -am",
                SpeedRuns.REPEATS, WARM_UP, ITERATIONS, SECONDS));

        FrayRun.search(SideBySideRows.REF.scenario(), FrayRun.Strategy.POS, WARM_UP, SECONDS);   // class loading
        List<String> problems = new ArrayList<>();
        for (Race race : SideBySideRows.all()) {
            SpeedRuns.Figures ours = SpeedRuns.median(
                    () -> SpeedRuns.refcheck(race.scenario(), Model.StateCache.OFF));
            String ourVerdict = SpeedRuns.verdict(race.mutant(), ours);
            if (race.mutant() != ours.found()) {
                problems.add("refcheck: " + race.name() + ": " + ourVerdict);
            }
            List<Object> row = new ArrayList<>(List.of(race.name(), ours.runs(),
                    race.mutant() ? ours.firstMillis() : ours.millis(), ourVerdict));
            for (FrayRun.Strategy s : FrayRun.Strategy.values()) {
                FrayRun.Outcome o = FrayRun.search(race.scenario(), s, ITERATIONS, SECONDS);
                row.addAll(Arrays.asList(o.iterations(), o.millis(), o.found() ? null : o.perSecond(),
                        verdict(race, o)));
                System.out.println(PerformanceReport.format("%-42s %-8s %s, %,.0f ms", race.name(), s.label,
                        verdict(race, o), o.millis()));
                problems.addAll(judge(race, s, o));
            }
            table.row(row.toArray());
        }
        PerformanceTable points = report.table("fray-scheduling-points", "Where Fray switches threads: iterations "
                + "in which it switched between two operations of one thread", List.of("operation",
                FrayRun.Strategy.POS.label, FrayRun.Strategy.PCT.label, "iterations"));
        points.note("A spawned thread performs the operation twice while the main thread passes an AtomicInteger "
                + "operation and takes a stamp of a plain counter; 0 means Fray never switched threads at the "
                + "operation (SchedulingPoints).");
        for (SchedulingPoints.Operation op : SchedulingPoints.Operation.values()) {
            points.row(op.label, SchedulingPoints.count(op, FrayRun.Strategy.POS, PROBE_ITERATIONS),
                    SchedulingPoints.count(op, FrayRun.Strategy.PCT, PROBE_ITERATIONS), PROBE_ITERATIONS);
        }
        report.printAndWrite(Path.of(OUT), "refcheck against Fray");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String verdict(Race race, FrayRun.Outcome o) {
        if (race.mutant()) {
            return o.found() ? PerformanceReport.format("found at iteration %,d", o.iterations())
                    : PerformanceReport.format("not found in %,d iterations", o.iterations());
        }
        return o.found() ? PerformanceReport.format("FLAGGED at iteration %,d", o.iterations())
                : PerformanceReport.format("clean after %,d iterations", o.iterations());
    }

    /** Why Fray's outcome on {@code race} is not the declared one, or nothing when it is. */
    private static List<String> judge(Race race, FrayRun.Strategy s, FrayRun.Outcome o) {
        String where = s.label + ": " + race.name() + ": ";
        if (!race.mutant()) {
            return o.found() ? List.of(where + "a correct protocol failed: " + o.failure()) : List.of();
        }
        if (o.iterations() == 0) {
            return List.of(where + "Fray ran no iteration");
        }
        boolean declared = FRAY_FINDS.get(race);
        if (o.found() && !declared) {
            return List.of(where + "Fray now finds this mutant (" + o.failure() + "): update FRAY_FINDS and the note");
        }
        if (!o.found() && declared) {
            return List.of(where + "not found in " + o.iterations() + " iterations: Fray has lost its power here");
        }
        if (o.found() && !o.foundLifetimeViolation()) {
            return List.of(where + "Fray failed with something other than the mutant's lifetime violation: "
                    + o.failure());
        }
        return List.of();
    }
}
