package org.refcheck.stress.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.model.bench.Families;
import org.refcheck.model.memory.MemoryModel;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.mutant.DropWithoutAcquireFence;
import org.refcheck.protocols.arc.mutant.IsUniqueRelaxedStrongLoad;
import org.refcheck.protocols.cdev.CharDevice;
import org.refcheck.protocols.cdev.PercpuCallGate;
import org.refcheck.protocols.cdev.mutant.UnfencedPercpuCallGate;
import org.refcheck.protocols.kref.GetUnlessZeroKrefTable;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.mutant.AssignWithoutReleaseRcuCell;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.stress.model.RcuScenarios.RcuMaker;

/**
 * The cost of weak-memory exploration: each scenario explored exhaustively under sequential consistency and under
 * the weak memory model with store histories of 2 and 3, in the same JVM, printed as executions, median time and
 * the weak/SC ratios. For a mutant that only weak memory catches, the weak columns are the time to its first
 * counterexample and the SC column the time to verify (wrongly) that nothing fails. A measuring program, not a
 * test: it asserts nothing about time.
 *
 * <p>How to run: {@code mvn -B -Pweak-memory-cost verify -pl stress-tests -am}; each cell is run once to warm up,
 * then {@code -Drefcheck.speed.repeats} times (default 5), and the median is printed.
 */
public final class WeakMemoryCost {

    private static final int REPEATS = Integer.getInteger("refcheck.speed.repeats", 5);

    private WeakMemoryCost() {
    }

    private record Row(String name, Runnable scenario) {
    }

    /** Median figures of one configuration on one row. */
    private record Figures(long executions, double millis, boolean failed) {
    }

    public static void main(String[] args) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Ref drop || drop (3)", Scenarios.refDropDrop(Ref::create, 3)));
        rows.add(new Row("kref table B lookup || put (3)", Scenarios.lookupVsLastPut(GetUnlessZeroKrefTable::new, 3)));
        rows.add(new Row("refcount(3,1): frees without acquire (a B7 race)", Families.refcount(3, 1)));
        rows.add(new Row("Arc drop || drop (3)", Scenarios.arcDropDrop(ArcScheme.STD, 3)));
        rows.add(new Row("Arc get_mut || upgrade (3)", Scenarios.getMutVsUpgrade(ArcScheme.STD, 3)));
        rows.add(new Row("Arc upgrade || last drop (3)", Scenarios.upgradeVsLastDrop(ArcScheme.STD, 3)));
        rows.add(new Row("cdev per-CPU calls || disconnect (2)", percpu(false, 2)));
        rows.add(new Row("cdev per-CPU calls || disconnect (3)", percpu(false, 3)));
        rows.add(new Row("RCU read || replace + synchronize (2)", RcuScenarios.readersVsReplace(RcuMaker.correct(), 2, 1)));
        rows.add(new Row("RCU read || replace + call_rcu (3)", RcuScenarios.readersVsDeferredReplace(RcuMaker.correct(), 3)));
        rows.add(new Row("B7 Arc drop without acquire fence (3)",
                Scenarios.arcDropDrop(new DropWithoutAcquireFence(), 3)));
        rows.add(new Row("B9 get_mut relaxed strong load (3)",
                Scenarios.getMutVsUpgrade(new IsUniqueRelaxedStrongLoad(), 3)));
        rows.add(new Row("B17 per-CPU gate without full barrier (3)", percpu(true, 3)));
        rows.add(new Row("X22 RCU assign without release (2)", RcuScenarios.readersVsReplace(
                RcuMaker.of(Rcu::new, CallRcu::new, AssignWithoutReleaseRcuCell::new), 2, 1)));

        System.out.println("refcheck weak-memory cost: median of " + REPEATS + " warm runs, exhaustive DPOR, every "
                + "row in one JVM; weak(k) = weak memory model, loads choose among the latest k visible stores");
        String format = "%-44s %12s %9s %14s %9s %14s %9s %9s %9s%n";
        System.out.printf(Locale.ROOT, format, "scenario", "SC execs", "SC ms", "weak(2) execs", "weak(2) ms",
                "weak(3) execs", "weak(3) ms", "x execs", "x time");
        for (Row row : rows) {
            Figures sc = median(row, MemoryModel.SC, 1);
            Figures w2 = median(row, MemoryModel.WEAK, 2);
            Figures w3 = median(row, MemoryModel.WEAK, 3);
            System.out.printf(Locale.ROOT, format, row.name, count(sc), ms(sc), count(w2), ms(w2), count(w3), ms(w3),
                    ratio(w3.executions, sc.executions), ratio(w3.millis, sc.millis));
        }
        System.out.println("  * = the run stopped at its first counterexample; x = weak(3) / SC");
    }

    private static Runnable percpu(boolean unfenced, int n) {
        return DeviceScenarios.callsVsDisconnect((heap, label, cpus) -> unfenced
                ? new UnfencedPercpuCallGate(label, cpus) : new PercpuCallGate(label, cpus),
                CharDevice::new, n, DeviceScenarios.MODEL);
    }

    private static Figures median(Row row, MemoryModel memory, int history) {
        run(row, memory, history);   // warm-up
        Figures[] runs = new Figures[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            runs[i] = run(row, memory, history);
        }
        Arrays.sort(runs, (a, b) -> Double.compare(a.millis, b.millis));
        return runs[REPEATS / 2];
    }

    private static Figures run(Row row, MemoryModel memory, int history) {
        Model.Builder b = Model.builder().memoryModel(memory).maxPreemptions(-1);
        if (memory == MemoryModel.WEAK) {
            b.storeHistory(history);
        }
        long start = System.nanoTime();
        ModelResult r = b.check(row.scenario);
        double millis = (System.nanoTime() - start) / 1e6;
        return new Figures(r.executions(), millis, r.failed());
    }

    private static String count(Figures f) {
        return String.format(Locale.ROOT, "%,d", f.executions) + (f.failed ? "*" : "");
    }

    private static String ms(Figures f) {
        return String.format(Locale.ROOT, "%.1f", f.millis);
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}
