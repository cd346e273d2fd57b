package org.refcheck.stress.rcu;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.QsbrCell;
import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.QsbrReader;
import org.refcheck.protocols.rcu.mutant.QuiescentInUseQsbrCell;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.InvocationCounter;

/**
 * Lincheck operations on one {@link QsbrCell}, checked for linearizability against {@link QsbrCellSpec} (a
 * register): a read goes online, reads the cell inside a read-side section, announces a quiescent state and goes
 * offline again; a replace by an online reader publishes, synchronizes (going offline for the wait) and frees. A
 * {@link Validate} function fails the scenario on any lifetime violation, so that X23, whose results stay
 * linearizable but whose reader may touch a freed version, would be reported (the catalogue says why Lincheck is
 * not expected to reach it). One public subclass per variant, because Lincheck instantiates the class itself.
 *
 * <p>Memory consistency effects: those of the cell; Lincheck's model checking is sequentially consistent.
 */
public abstract class QsbrCellOps {

    /*
     * Implementation notes. Each Lincheck thread id (0 = init part, 1..THREADS = parallel threads, THREADS + 1 =
     * post part) has its own QSBR reader record, registered in the constructor and put offline at once: a reader
     * left online between operations would stall every grace period of the other thread, and Lincheck would report
     * the wait as a hang. Each operation is one online stretch.
     */

    /** Parallel threads. */
    public static final int THREADS = 2;

    /** Makes the cell under test. */
    @FunctionalInterface
    protected interface Maker {
        QsbrCell<Integer> make(QsbrRcu rcu, LifetimeTracker heap, String label, Integer initial);
    }

    private final LifetimeTracker heap = new LifetimeTracker();
    private final QsbrCell<Integer> cell;
    private final QsbrReader[] readers = new QsbrReader[THREADS + 2];

    protected QsbrCellOps(Maker maker) {
        InvocationCounter.tick();
        QsbrRcu rcu = new QsbrRcu("qsbr");
        for (int i = 0; i < readers.length; i++) {
            readers[i] = rcu.register();
            readers[i].offline();
        }
        cell = maker.make(rcu, heap, "cell", 0);
    }

    /** Online, reads the value inside a read-side section, quiescent state, offline. */
    @Operation
    public int read(@Param(gen = ThreadIdGen.class) int threadId) {
        QsbrReader me = readers[threadId];
        me.online();
        int v = cell.read(me, x -> x);
        me.quiescentState();
        me.offline();
        return v;
    }

    /** Online, replaces the value, waits for a grace period (offline meanwhile) and frees the old version. */
    @Operation
    public void replace(@Param(gen = ThreadIdGen.class) int threadId,
            @Param(gen = IntGen.class, conf = "1:2") int value) {
        QsbrReader me = readers[threadId];
        me.online();
        cell.replace(me, value);
        me.offline();
    }

    /** No use after free, whatever the results were. */
    @Validate
    public void noLifetimeViolation() {
        ConcurrentRun.assertNoViolations(heap.violations());
    }

    /** The QSBR cell. */
    public static class Correct extends QsbrCellOps {
        public Correct() {
            super(QsbrCell::new);
        }
    }

    /** Mutant X23. */
    public static class QuiescentBeforeUse extends QsbrCellOps {
        public QuiescentBeforeUse() {
            super(QuiescentInUseQsbrCell::new);
        }
    }
}
