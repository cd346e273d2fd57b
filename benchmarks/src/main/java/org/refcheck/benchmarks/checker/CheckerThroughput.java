package org.refcheck.benchmarks.checker;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.refcheck.model.Model;
import org.refcheck.model.bench.Families;
import org.refcheck.model.bench.PerformanceReport;
import org.refcheck.model.bench.PerformanceTable;

/**
 * The model checker's throughput on the standard scenario families ({@link Families}): executions and traces per
 * second and bytes allocated per execution with 2, 3 and 4 threads; how the cost grows with the operations per
 * thread; and the speedup of parallel exploration ({@code Model.builder().workers(n)}) against one worker, in the
 * same JVM. A repeatable harness, not a test: it prints tables and writes a performance document.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.refcheck.benchmarks.checker.CheckerThroughput \
 *     --out benchmarks/target/performance-checker.json [--repeats 5] [--workers 2] \
 *     [--tables throughput,growth,parallel,ceiling]
 * </pre>
 */
public final class CheckerThroughput {

    /** Executions a throughput row may run; a family that has more is measured on its first ones. */
    static final long CAP = 40_000;

    private record Family(String name, IntFunction<Runnable> ofThreads) {
    }

    /** The scenarios of the parallel tables: name and body. */
    private static final List<Object[]> PARALLEL_SCENARIOS = List.of(
            new Object[] {"refcount(3,1)", Families.refcount(3, 1)},
            new Object[] {"refcount(2,4)", Families.refcount(2, 4)},
            new Object[] {"lastzero(11)", Families.lastZero(11)},
            new Object[] {"readers(12)", Families.readers(12)},
            new Object[] {"writers(7)", Families.writers(7)},
            new Object[] {"casrot(8)", Families.casRotation(8, trace -> { })});

    private CheckerThroughput() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        Path out = null;
        int repeats = 5;
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        String tables = "throughput,growth,parallel,ceiling";
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(args[++i]);
                    case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                    case "--workers" -> workers = Integer.parseInt(args[++i]);
                    case "--tables" -> tables = args[++i];
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (out == null || repeats < 1 || workers < 2) {
                throw new IllegalArgumentException("--out FILE is required; --repeats >= 1, --workers >= 2");
            }
        } catch (RuntimeException e) {
            System.err.println("usage: CheckerThroughput --out FILE [--repeats N] [--workers N] [--tables "
                    + "throughput,growth,parallel,ceiling] (" + e.getMessage()
                    + ")");
            return 2;
        }
        PerformanceReport report = new PerformanceReport("checker", "refcheck's model checker: throughput, growth "
                + "and parallel exploration");
        report.environment("repeats", Integer.toString(repeats));
        if (tables.contains("throughput")) {
            throughput(report, repeats);
        }
        if (tables.contains("growth")) {
            growth(report, repeats);
        }
        if (tables.contains("parallel")) {
            parallel(report, repeats, workers);
        }
        if (tables.contains("ceiling")) {
            ceiling(report, repeats, workers);
        }
        return report.printAndWrite(out, "refcheck checker throughput");
    }

    private static void throughput(PerformanceReport report, int repeats) {
        List<Family> families = List.of(
                new Family("independent(k)", Families::independent),
                new Family("writers(k)", Families::writers),
                new Family("readers(k-1)", k -> Families.readers(k - 1)),
                new Family("lastzero(k-1)", k -> Families.lastZero(k - 1)),
                new Family("casrot(k)", k -> Families.casRotation(k, trace -> { })),
                new Family("refcount(k,1)", k -> Families.refcount(k, 1)),
                new Family("refcount(k,2) observing", k -> Families.refcountObserving(k, 2, freer -> { })));
        PerformanceTable t = report.table("throughput", "Checker throughput with 2, 3 and 4 threads",
                List.of("scenario", "threads", "executions", "traces", "complete", "seconds", "execs/s", "traces/s",
                        "bytes/exec"));
        for (Family f : families) {
            for (int k = 2; k <= 4; k++) {
                Measurement m = Measurement.median(repeats, () -> Model.builder().maxPreemptions(-1)
                        .maxExecutions(CAP), f.ofThreads.apply(k));
                t.row(f.name, k, m.result().executions(), m.result().traces(), m.result().exhaustive() ? "yes"
                        : "capped", m.seconds(), m.executionsPerSecond(), m.tracesPerSecond(),
                        m.bytesPerExecution());
            }
        }
        t.chart("threads", List.of("execs/s"), true);
        t.note(PerformanceReport.format("k threads besides main; median of %d warm runs, one worker, at most %,d "
                + "executions per run; bytes/exec = bytes allocated by all threads over executions run", repeats,
                CAP));
    }

    private static void growth(PerformanceReport report, int repeats) {
        PerformanceTable t = report.table("growth", "How the cost grows with operations per thread",
                List.of("scenario", "ops", "executions", "traces", "seconds", "execs/s", "bytes/exec"));
        for (int ops = 1; ops <= 4; ops++) {
            add(t, "refcount(2,ops)", ops, repeats, Families.refcount(2, ops));
        }
        for (int ops = 1; ops <= 4; ops++) {
            add(t, "refcount(3,ops) observing", ops, repeats, Families.refcountObserving(3, ops, freer -> { }));
        }
        for (int n = 3; n <= 9; n++) {
            add(t, "lastzero(ops)", n, repeats, Families.lastZero(n));
        }
        t.chart("ops", List.of("executions"), true);
        t.note("refcount(2,ops): every counter operation conflicts (the multinomial); observing: adds commute "
                + "except at the zero crossing; lastzero(ops): ops writer threads. Median of " + repeats + " runs.");
    }

    private static void add(PerformanceTable t, String name, int ops, int repeats, Runnable body) {
        Measurement m = Measurement.median(repeats, () -> Model.builder().maxPreemptions(-1), body);
        t.row(name, ops, m.result().executions(), m.result().traces(), m.seconds(), m.executionsPerSecond(),
                m.bytesPerExecution());
    }

    private static void parallel(PerformanceReport report, int repeats, int workers) {
        PerformanceTable t = report.table("parallel", "Parallel exploration: speedup over one worker",
                List.of("scenario", "workers", "parts", "executions", "traces", "seconds", "speedup",
                        "executions vs 1 worker", "CPU s", "CPU vs 1 worker"));
        for (Object[] s : PARALLEL_SCENARIOS) {
            String name = (String) s[0];
            Runnable body = (Runnable) s[1];
            Measurement one = Measurement.median(repeats, () -> Model.builder().maxPreemptions(-1).workers(1), body);
            t.row(name, 1, 1, one.result().executions(), one.result().traces(), one.seconds(), 1.0, 1.0,
                    one.cpuSeconds(), 1.0);
            for (int w = 2; w <= workers; w *= 2) {
                int n = w;
                Measurement m = Measurement.median(repeats, () -> Model.builder().maxPreemptions(-1).workers(n), body);
                String strategy = m.result().strategy();
                int parts = Integer.parseInt(strategy.replaceAll(".* (\\d+) parts.*", "$1"));
                t.row(name, w, parts, m.result().executions(), m.result().traces(), m.seconds(),
                        one.seconds() / m.seconds(), (double) m.result().executions() / one.result().executions(),
                        m.cpuSeconds(), m.cpuSeconds() / one.cpuSeconds());
            }
        }
        t.note("speedup = one worker's median wall time / this row's, in the same JVM; CPU s = CPU time of the JVM "
                + "(all threads), the work done whatever share of the CPUs other load left; executions include those that "
                + "compute the split and traces explored by a part that does not own them. Traces must equal the "
                + "one-worker count. Median of " + repeats + " runs on " + Runtime.getRuntime()
                        .availableProcessors() + " CPUs.");
    }

    /**
     * The ceiling of any split: the same whole check run by {@code workers} threads at once, against the same checks
     * one after another (no split, no redundancy, nothing shared but the JVM). Where this ratio stays near 1, the
     * hand-over of the CPU between platform threads at every scheduling point, not the split, limits the speedup.
     */
    private static void ceiling(PerformanceReport report, int repeats, int workers) {
        PerformanceTable t = report.table("ceiling", "Parallel ceiling: independent whole checks at once",
                List.of("scenario", "checks", "one after another s", "at once s", "ratio"));
        for (Object[] s : PARALLEL_SCENARIOS) {
            Runnable check = () -> Model.builder().maxPreemptions(-1).workers(1).check((Runnable) s[1]);
            check.run();
            double[] sequential = new double[repeats];
            double[] together = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                for (int w = 0; w < workers; w++) {
                    check.run();
                }
                sequential[r] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                List<Thread> threads = new java.util.ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    Thread th = new Thread(check, "refcheck-ceiling-" + w);
                    th.start();
                    threads.add(th);
                }
                for (Thread th : threads) {
                    try {
                        th.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                together[r] = (System.nanoTime() - t0) / 1e9;
            }
            java.util.Arrays.sort(sequential);
            java.util.Arrays.sort(together);
            double seq = sequential[repeats / 2];
            double par = together[repeats / 2];
            t.row((String) s[0], workers, seq, par, seq / par);
        }
        t.note("ratio = one after another / at once, medians of " + repeats + " in the same JVM on "
                + Runtime.getRuntime().availableProcessors() + " CPUs: the speedup no split of one check can beat.");
    }
}
