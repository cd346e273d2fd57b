package org.refcheck.stress.rcu;

import java.util.function.Function;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.QsbrCell;
import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.QsbrReader;
import org.refcheck.stress.LifetimeFindings;

/**
 * The state of one jcstress sample of a {@link QsbrCell} race: a domain (the correct one unless given, with its
 * quiescent states preempted: {@link Preemption.SnapshotQsbrRcu}), a cell (correct or a mutant), and one registered,
 * online reader for the reading actor.
 */
final class QsbrRace {

    /** A constructor of {@link QsbrCell} or of a mutant of it. */
    @FunctionalInterface
    interface CellConstructor {
        QsbrCell<Integer> create(QsbrRcu rcu, LifetimeTracker heap, String label, Integer initial);
    }

    final LifetimeTracker heap = new LifetimeTracker();
    final QsbrRcu rcu;
    final QsbrCell<Integer> cell;
    final QsbrReader reader;

    QsbrRace(CellConstructor cell) {
        this(Preemption.SnapshotQsbrRcu::new, cell);
    }

    QsbrRace(Function<String, QsbrRcu> domain, CellConstructor cell) {
        this.rcu = domain.apply("qsbr");
        this.cell = cell.create(rcu, heap, "cell", 0);
        this.reader = rcu.register();
    }

    /**
     * The reading actor: one read whose use of the value takes a preemption's time, a quiescent state, and offline
     * (so that a grace period never waits for a finished actor).
     */
    int read() {
        int v = cell.read(reader, x -> {
            Preemption.pause();
            return x;
        });
        reader.quiescentState();
        reader.offline();
        return v;
    }

    /** The arbiter: frees what is left and describes what the lifetime tracker found. */
    String finish() {
        cell.close();
        return LifetimeFindings.finish(heap);
    }
}
