package org.refcheck.stress.rcu;

import java.util.function.Function;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.protocols.rcu.mutant.OnePhaseRcu;
import org.refcheck.protocols.rcu.mutant.UseAfterUnlockRcuCell;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.InvocationCounter;

/**
 * Lincheck operations on one {@link RcuCell}, checked for linearizability against {@link RcuCellSpec} (an integer
 * register with an increment): readers read it, updaters replace it synchronously, increment it by read-copy-update,
 * or replace it with a deferred free. A {@link Validate} function also fails the scenario on any lifetime violation,
 * so a mutant whose results stay linearizable but whose reader touches a freed version (B13, B15) is caught too. One
 * public subclass per variant, because Lincheck instantiates the class itself.
 *
 * <p>Memory consistency effects: those of the cell; Lincheck's model checking is sequentially consistent.
 */
public abstract class RcuCellOps {

    /*
     * Implementation notes. Each Lincheck thread id (0 = init part, 1..THREADS = parallel threads, THREADS + 1 = post
     * part) has its own RCU reader record, registered in the constructor. The replaced values are the parameter
     * 1 or 2, so that a read that saw a stale or freed version can differ from every linearization.
     */

    /** Parallel threads. */
    public static final int THREADS = 2;

    private final LifetimeTracker heap = new LifetimeTracker();
    private final CallRcu deferred;
    private final RcuCell<Integer> cell;
    private final RcuReader[] readers = new RcuReader[THREADS + 2];

    /** Makes the cell under test. */
    @FunctionalInterface
    protected interface Maker {
        RcuCell<Integer> make(Rcu rcu, CallRcu deferred, LifetimeTracker heap, String label, Integer initial);
    }

    protected RcuCellOps(Function<String, Rcu> domain, Maker maker) {
        InvocationCounter.tick();
        Rcu rcu = domain.apply("rcu");
        for (int i = 0; i < readers.length; i++) {
            readers[i] = rcu.register();
        }
        deferred = new CallRcu(rcu);
        cell = maker.make(rcu, deferred, heap, "cell", 0);
    }

    /** Reads the value inside a read-side section. */
    @Operation
    public int read(@Param(gen = ThreadIdGen.class) int threadId) {
        return cell.read(readers[threadId], v -> v);
    }

    /** Replaces the value, waits for a grace period and frees the old version. */
    @Operation
    public void replace(@Param(gen = IntGen.class, conf = "1:2") int value) {
        cell.replace(value);
    }

    /** Increments the value by read-copy-update. */
    @Operation
    public void increment(@Param(gen = ThreadIdGen.class) int threadId) {
        cell.update(readers[threadId], v -> v + 1);
    }

    /** No use after free, whatever the results were. */
    @Validate
    public void noLifetimeViolation() {
        ConcurrentRun.assertNoViolations(heap.violations());
    }

    /** The canonical RCU cell. */
    public static class Correct extends RcuCellOps {
        public Correct() {
            super(Rcu::new, RcuCell::new);
        }
    }

    /** Mutant B13. */
    public static class UseAfterUnlock extends RcuCellOps {
        public UseAfterUnlock() {
            super(Rcu::new, UseAfterUnlockRcuCell::new);
        }
    }

    /** Mutant B15. */
    public static class OnePhase extends RcuCellOps {
        public OnePhase() {
            super(OnePhaseRcu::new, RcuCell::new);
        }
    }
}
