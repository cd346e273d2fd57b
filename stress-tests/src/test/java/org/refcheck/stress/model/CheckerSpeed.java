package org.refcheck.stress.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.refcheck.model.Model;
import org.refcheck.model.bench.Families;
import org.refcheck.model.bench.PerformanceReport;
import org.refcheck.model.bench.PerformanceTable;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.mutant.TouchAfterDecrementRef;
import org.refcheck.stress.lincheck.InvocationCounter;
import org.refcheck.stress.model.SpeedRuns.Figures;

/**
 * The speed harness: the standard scenarios through refcheck's model checker and, in the same JVM, the protocol
 * scenarios through Lincheck's {@code runConcurrentTest}, printed as one table with the ratio between the two. A
 * measuring program, not a test: it asserts nothing about time.
 *
 * <p>How to run: {@code mvn -B -Pchecker-speed verify -pl stress-tests -am}. Each row is run once to warm up,
 * then {@code -Drefcheck.speed.repeats} times (default 5), and the median is printed. Lincheck runs at most
 * {@code -Drefcheck.speed.lincheckInvocations} invocations (default 10,000) per scenario. With
 * {@code -Drefcheck.speed.out=FILE} the table is also written as a performance document for the report's
 * performance page.
 */
public final class CheckerSpeed {

    private static final int REPEATS = SpeedRuns.REPEATS;
    private static final int LINCHECK_INVOCATIONS = Integer.getInteger("refcheck.speed.lincheckInvocations", 10_000);
    private static final String OUT = System.getProperty("refcheck.speed.out", "");

    private CheckerSpeed() {
    }

    /**
     * One scenario; {@code mutant} means a failure is expected and the time to find it is what counts.
     * {@code cache} is the state cache refcheck explores it with.
     */
    private record Row(String name, boolean mutant, Runnable scenario, boolean withLincheck, Model.StateCache cache) {
        Row(String name, boolean mutant, Runnable scenario, boolean withLincheck) {
            this(name, mutant, scenario, withLincheck, Model.StateCache.OFF);
        }
    }

    public static void main(String[] args) throws java.io.IOException {
        List<Row> rows = new ArrayList<>();
        for (SideBySideRows.Race race : SideBySideRows.all()) {
            rows.add(new Row(race.name(), race.mutant(), race.scenario(), true));
        }
        rows.add(new Row("refcount(2,1)", false, Families.refcount(2, 1), false));
        rows.add(new Row("refcount(3,1)", false, Families.refcount(3, 1), false));
        rows.add(new Row("refcount(2,2)", false, Families.refcount(2, 2), false));
        rows.add(new Row("refcount(3,2), state cache", false, Families.refcount(3, 2), false,
                Model.StateCache.POSITIONS));
        for (int[] size : new int[][] {{3, 2}, {4, 2}, {5, 2}, {4, 3}, {6, 2}}) {
            rows.add(new Row("refcount(" + size[0] + "," + size[1] + "), observing adds", false,
                    Families.refcountObserving(size[0], size[1], freer -> { }), false));
        }
        for (int[] size : new int[][] {{3, 2}, {4, 2}, {5, 2}}) {
            rows.add(new Row("Ref family(" + size[0] + "," + size[1] + ") on refcount_t", false,
                    Scenarios.refFamily(Ref::create, size[0], size[1]), false));
        }
        rows.add(new Row("Ref family(3,2), B11 touch after dec", true,
                Scenarios.refFamily(TouchAfterDecrementRef::create, 3, 2), false));
        rows.add(new Row("casrot(6)", false, Families.casRotation(6, trace -> { }), false));
        rows.add(new Row("casrot(7)", false, Families.casRotation(7, trace -> { }), false));
        rows.add(new Row("readers(8)", false, Families.readers(8), false));
        rows.add(new Row("lastzero(10)", false, Families.lastZero(10), false));

        System.out.println("refcheck checker speed: median of " + REPEATS + " warm runs; Lincheck capped at "
                + LINCHECK_INVOCATIONS + " invocations (JDK " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs)");
        System.out.println(String.format(Locale.ROOT,
                "%-42s | %10s %10s %10s %10s %-12s | %10s %10s %10s %10s %-14s | %8s %8s",
                "scenario", "execs", "ms", "first ms", "execs/s", "refcheck", "invocs", "ms", "first ms", "invocs/s",
                "Lincheck", "execs/s", "first"));
        PerformanceReport report = new PerformanceReport("side-by-side", "refcheck against Lincheck's model checker");
        report.environment("repeats", Integer.toString(REPEATS))
                .environment("Lincheck invocations cap", Integer.toString(LINCHECK_INVOCATIONS));
        PerformanceTable table = report.table("side-by-side", "Time to the first counterexample (mutants) and to "
                + "exhaust (correct protocols): refcheck and Lincheck 3.7 runConcurrentTest in one JVM", List.of(
                "scenario", "refcheck executions", "refcheck ms", "refcheck first ms", "refcheck verdict",
                "Lincheck invocations", "Lincheck ms", "Lincheck verdict", "first-counterexample ratio"));
        table.note("median of " + REPEATS + " warm runs; Lincheck capped at " + LINCHECK_INVOCATIONS
                + " invocations (a correct protocol that uses them all is 'not exhausted'); ratio = Lincheck's time "
                + "to the first counterexample / refcheck's. Command: mvn -B -Pchecker-speed verify -pl stress-tests "
                + "-am -Drefcheck.speed.out=FILE");
        for (Row row : rows) {
            Figures ours = SpeedRuns.median(() -> refcheck(row));
            Figures theirs = row.withLincheck ? SpeedRuns.median(() -> lincheck(row)) : null;
            String ratio = theirs == null || theirs.perSecond() == 0 ? "" : String.format(Locale.ROOT, "%.1fx",
                    ours.perSecond() / theirs.perSecond());
            String firstRatio = theirs == null || !row.mutant || ours.firstMillis() <= 0 ? ""
                    : String.format(Locale.ROOT, "%.0fx", theirs.firstMillis() / ours.firstMillis());
            System.out.println(String.format(Locale.ROOT,
                    "%-42s | %10d %10.2f %10.2f %10.0f %-12s | %10s %10s %10s %10s %-14s | %8s %8s",
                    row.name, ours.runs(), ours.millis(), ours.firstMillis(), ours.perSecond(), verdict(row, ours),
                    theirs == null ? "" : Long.toString(theirs.runs()),
                    theirs == null ? "" : String.format(Locale.ROOT, "%.2f", theirs.millis()),
                    theirs == null ? "" : String.format(Locale.ROOT, "%.2f", theirs.firstMillis()),
                    theirs == null ? "" : String.format(Locale.ROOT, "%.0f", theirs.perSecond()),
                    theirs == null ? "" : verdict(row, theirs), ratio, firstRatio));
            table.row(row.name, ours.runs(), ours.millis(), ours.firstMillis(), verdict(row, ours),
                    theirs == null ? null : theirs.runs(), theirs == null ? null : theirs.millis(),
                    theirs == null ? "" : verdict(row, theirs),
                    theirs == null || !row.mutant || ours.firstMillis() <= 0 ? null
                            : theirs.firstMillis() / ours.firstMillis());
        }
        if (!OUT.isEmpty()) {
            report.write(java.nio.file.Path.of(OUT));
            System.out.println("refcheck checker speed -> " + OUT);
        }
    }

    private static String verdict(Row row, Figures f) {
        return SpeedRuns.verdict(row.mutant, f);
    }

    private static Figures refcheck(Row row) {
        return SpeedRuns.refcheck(row.scenario, row.cache);
    }

    private static Figures lincheck(Row row) {
        long before = InvocationCounter.read();
        long start = System.nanoTime();
        boolean found = false;
        try {
            Lincheck.runConcurrentTest(LINCHECK_INVOCATIONS, () -> {
                InvocationCounter.tick();
                row.scenario.run();
            });
        } catch (LincheckAssertionError e) {
            found = true;
        }
        double millis = (System.nanoTime() - start) / 1e6;
        long invocations = InvocationCounter.read() - before;
        return new Figures(invocations, millis, millis, found, !found && invocations < LINCHECK_INVOCATIONS);
    }
}
