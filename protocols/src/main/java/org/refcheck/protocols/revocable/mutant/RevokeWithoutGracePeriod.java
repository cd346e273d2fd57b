package org.refcheck.protocols.revocable.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.revocable.Revocable;

/**
 * Mutant B14: {@code revoke()} drops the data without waiting for a grace period, as {@code revoke_nosync()} does
 * (rust/kernel/revocable.rs: "Callers must ensure that there are no more concurrent users"), used while users
 * exist.
 *
 * <p>Exposing interleaving (catalogue bug B14): T1's {@code try_access} sees {@code is_available == true} and holds
 * the guard. T2 swaps the flag to false and drops the data at once. T1 dereferences its guard. Symptom: <b>use after
 * free</b> (here: use after the data was dropped).
 *
 * @param <T> the type of the data
 */
public class RevokeWithoutGracePeriod<T> extends Revocable<T> {

    public RevokeWithoutGracePeriod(Rcu rcu, LifetimeTracker heap, String label, T data) {
        super(rcu, heap, label, data);
    }

    /** The bug: no grace period. */
    @Override
    protected void waitForUsers() {
    }
}
