package org.refcheck.benchmarks.checker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.model.bench.Families;
import org.refcheck.model.bench.PerformanceReport;
import org.refcheck.model.bench.PerformanceTable;

/**
 * refcount(NT, 2) for NT = 2..5 through SPIN (the Promela model {@code benchmarks/spin/refcount.pml}, stateful,
 * merging equal states) and through refcheck three ways: optimal DPOR on plain Mazurkiewicz equivalence (the
 * multinomial number of traces: run up to a cap, the rest projected at the measured rate), the state cache
 * ({@code StateCache.POSITIONS}, SPIN's idea), and the counter operations declaring what they observe (value-aware
 * commutation). SPIN runs with a memory limit so that it cannot take the machine from other work.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.refcheck.benchmarks.checker.SpinComparison \
 *     --model benchmarks/spin/refcount.pml --out benchmarks/target/performance-spin.json [--memory-mb 4096]
 * </pre>
 */
public final class SpinComparison {

    static final int OPS = 2;
    static final long DPOR_CAP = 20_000;
    static final long CACHE_CAP = 300_000;

    private SpinComparison() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String... args) throws InterruptedException {
        Path model = null;
        Path out = null;
        int memoryMb = 4096;
        int maxThreads = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--model" -> model = Path.of(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--memory-mb" -> memoryMb = Integer.parseInt(args[++i]);
                    case "--max-threads" -> maxThreads = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (model == null || out == null || !Files.isRegularFile(model)) {
                throw new IllegalArgumentException("--model FILE (an existing .pml) and --out FILE are required");
            }
        } catch (RuntimeException e) {
            System.err.println("usage: SpinComparison --model refcount.pml --out FILE [--memory-mb N] "
                    + "[--max-threads N] (" + e.getMessage() + ")");
            return 2;
        }
        PerformanceReport report = new PerformanceReport("spin", "refcount(NT, 2): refcheck against SPIN");
        report.environment("SPIN memory limit", memoryMb + " MB");
        PerformanceTable t = report.table("spin", "refcount(NT, 2): SPIN and refcheck as NT grows",
                List.of("checker", "NT", "states or executions", "seconds", "memory MB", "outcome"));
        for (int nt = 2; nt <= maxThreads; nt++) {
            for (boolean reduce : new boolean[] {true, false}) {
                String name = reduce ? "SPIN 6.5.2 (states stored)" : "SPIN 6.5.2 -DNOREDUCE (states stored)";
                try {
                    SpinRun s = SpinRun.verify(model, nt, OPS, reduce, memoryMb, 300);
                    t.row(name, nt, s.states(), s.seconds(), s.megabytes(), s.outcome());
                } catch (IOException e) {
                    t.row(name, nt, null, null, null, "not run: " + e.getMessage());
                }
            }
            dpor(t, nt);
            run(t, "refcheck, state cache (positions)", nt, Model.builder().maxPreemptions(-1)
                    .stateCache(Model.StateCache.POSITIONS).maxExecutions(CACHE_CAP), Families.refcount(nt, OPS));
            run(t, "refcheck, adds observe their interval", nt, Model.builder().maxPreemptions(-1),
                    Families.refcountObserving(nt, OPS, freer -> { }));
        }
        t.chart("NT", List.of("seconds"), true);
        t.note("SPIN: spin -a, cc -O2 -DSAFETY (with its partial-order reduction, or -DNOREDUCE), pan -m10000000 "
                + "-w25; memory: SPIN's total actual memory usage (hash table and stack included); refcheck's peak used heap of the JVM during the run. "
                + "Plain DPOR is run for at most " + DPOR_CAP + " executions and its time to exhaust projected from "
                + "the closed-form trace count (NT(2 OPS+1))!/((2 OPS+1)!)^NT at the measured rate; the state cache "
                + "is capped at " + CACHE_CAP + " executions.");
        return report.printAndWrite(out, "refcheck spin comparison");
    }

    private static void dpor(PerformanceTable t, int nt) {
        PeakHeap.reset();
        ModelResult r = Model.builder().maxPreemptions(-1).maxExecutions(DPOR_CAP).check(Families.refcount(nt, OPS));
        double seconds = r.wallTime().toNanos() / 1e9;
        double traces = multinomial(nt);
        if (r.exhaustive()) {
            t.row("refcheck, optimal DPOR (traces)", nt, r.traces(), seconds, PeakHeap.megabytes(), "exhausted");
        } else {
            double projected = traces / (r.executions() / seconds);
            t.row("refcheck, optimal DPOR (traces)", nt, (long) Math.min(traces, Long.MAX_VALUE), projected, null,
                    PerformanceReport.format("projected: %,d of %.3g traces run in %.1f s", r.executions(), traces,
                            seconds));
        }
    }

    private static void run(PerformanceTable t, String name, int nt, Model.Builder builder, Runnable body) {
        PeakHeap.reset();
        ModelResult r = builder.check(body);
        r.assertPassed();
        t.row(name, nt, r.executions(), r.wallTime().toNanos() / 1e9, PeakHeap.megabytes(), r.exhaustive()
                ? "exhausted" : "capped at " + r.executions() + " executions");
    }

    private static double multinomial(int nt) {
        double f = 1;
        for (int i = 2; i <= nt * (2 * OPS + 1); i++) {
            f *= i;
        }
        double d = 1;
        for (int i = 2; i <= 2 * OPS + 1; i++) {
            d *= i;
        }
        return f / Math.pow(d, nt);
    }
}
