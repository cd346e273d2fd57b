package org.refcheck.stress.rcu;

import java.util.function.Function;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.stress.LifetimeFindings;

/**
 * The state of one jcstress sample of an {@link RcuCell} race: a domain, its call_rcu queue and a cell (each the
 * correct class or a mutant), and one registered reader for the reading actor.
 */
final class CellRace {

    /** A constructor of {@link RcuCell} or of a mutant of it. */
    @FunctionalInterface
    interface CellConstructor {
        RcuCell<Integer> create(Rcu rcu, CallRcu deferred, LifetimeTracker heap, String label, Integer initial);
    }

    final LifetimeTracker heap = new LifetimeTracker();
    final Rcu rcu;
    final CallRcu deferred;
    final RcuCell<Integer> cell;
    final RcuReader reader;

    CellRace(Function<String, Rcu> domain, Function<Rcu, CallRcu> queue, CellConstructor cell) {
        this.rcu = domain.apply("rcu");
        this.deferred = queue.apply(rcu);
        this.cell = cell.create(rcu, deferred, heap, "cell", 0);
        this.reader = rcu.register();
    }

    /** The correct domain, queue and cell. */
    static CellRace correct() {
        return new CellRace(Rcu::new, CallRcu::new, RcuCell::new);
    }

    /** The reading actor: one read whose use of the value takes a preemption's time. */
    int read() {
        return cell.read(reader, v -> {
            Preemption.pause();
            return v;
        });
    }

    /** The arbiter: frees what is left and describes what the lifetime tracker found. */
    String finish() {
        cell.close();
        return LifetimeFindings.finish(heap);
    }
}
