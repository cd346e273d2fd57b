package org.refcheck.protocols.rcu.mutant;

import java.util.function.UnaryOperator;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.RcuReadGuard;
import org.refcheck.protocols.rcu.RcuReader;

/**
 * Mutant B12: the read-copy-update waits for its grace period before leaving the read-side section in which it read
 * the old value, so {@code synchronize_rcu()} runs inside a read-side critical section.
 *
 * <p>Exposing interleaving (catalogue bug B12): T1 opens a section, reads the value, publishes the new version and
 * calls {@code synchronize()}. Phase 1 finds T1 itself current, the phase flips, and phase 2 waits for T1 to leave
 * a section T1 will only leave after {@code synchronize()} returns. No interleaving escapes: every execution in
 * which the update publishes hangs. Symptom: <b>deadlock</b> (Requirements.rst: "an RCU read-side critical section
 * must not contain calls to synchronize_rcu()").
 *
 * @param <T> the type of the value
 */
public class SynchronizeInReaderRcuCell<T> extends RcuCell<T> {

    public SynchronizeInReaderRcuCell(Rcu rcu, CallRcu deferred, LifetimeTracker heap, String label, T initial) {
        super(rcu, deferred, heap, label, initial);
    }

    /** The bug: synchronize and free inside the section. */
    @Override
    public void update(RcuReader reader, UnaryOperator<T> change) {
        boolean published = false;
        while (!published) {
            try (RcuReadGuard section = reader.readLock()) {
                Version<T> seen = pointer().dereference(section);
                published = publishIfCurrent(seen, seen.use(change));
                if (published) {
                    rcu().synchronize();
                    seen.free();
                }
            }
        }
    }
}
