package org.refcheck.protocols.rcu.mutant;

import java.util.function.Function;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.QsbrCell;
import org.refcheck.protocols.rcu.QsbrReadGuard;
import org.refcheck.protocols.rcu.QsbrReader;
import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.RcuCell.Version;

/**
 * Mutant X23 (refcheck's own id; the bug table has no QSBR row): the reader announces its quiescent state between
 * dereferencing a version and using it, as a QSBR reader loop that announces its quiescent state as early as it can
 * would. liburcu's README asks each reader thread to call {@code rcu_quiescent_state()} periodically; a quiescent
 * state means the thread holds no pointer, so it belongs after the last use.
 *
 * <p>Exposing interleaving: T1 (reader, online) dereferences version P and closes its section. T2 (updater)
 * publishes a new version and starts a grace period, which advances the domain's counter and waits for T1. T1
 * announces its quiescent state, copying the new counter; T2 sees T1 current, returns from {@code synchronize()}
 * and frees P. T1 uses P. Symptom: <b>use after free</b>. (In urcu-mb the same code is the "BUG!!!" example, B13;
 * in QSBR closing the section is harmless, and the quiescent state is what ends the protection.)
 *
 * @param <T> the type of the value
 */
public class QuiescentInUseQsbrCell<T> extends QsbrCell<T> {

    public QuiescentInUseQsbrCell(QsbrRcu rcu, LifetimeTracker heap, String label, T initial) {
        super(rcu, heap, label, initial);
    }

    /** The bug: the quiescent state comes before the use of the version. */
    @Override
    public <R> R read(QsbrReader reader, Function<? super T, ? extends R> use) {
        Version<T> version;
        try (QsbrReadGuard section = reader.readLock()) {
            version = pointer().dereference(section);
        }
        reader.quiescentState();
        return version.use(use);
    }
}
