package org.refcheck.protocols.rcu.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.RcuPointer;

/**
 * Mutant X22 (refcheck's own id; the bug table has no row for it): the updater publishes a new version with
 * {@code WRITE_ONCE(p, v)} (an opaque store) instead of {@code rcu_assign_pointer(p, v)}, whose ordering is "that
 * of a store-release operation" (Documentation/RCU/whatisRCU.rst; include/linux/rcupdate.h).
 *
 * <p>Exposing interleaving: T1 (reader) enters its read-side section. T2 (updater) allocates and initialises the
 * new version, then stores the pointer without release. T1 dereferences (an acquire load) and reads the new
 * pointer, but the store it read released nothing, so the version's initialisation does not happen before T1's
 * use. Symptom: <b>a data race on an unpublished object</b> (T1 may see the version uninitialised). Weak memory
 * only: on x86 (TSO) stores are never reordered with earlier stores, and under sequential consistency every
 * execution behaves like the correct cell.
 *
 * @param <T> the type of the value
 */
public class AssignWithoutReleaseRcuCell<T> extends RcuCell<T> {

    public AssignWithoutReleaseRcuCell(Rcu rcu, CallRcu deferred, LifetimeTracker heap, String label, T initial) {
        super(rcu, deferred, heap, label, initial, OpaqueAssignPointer::new);
    }

    /** An RCU pointer whose {@code rcu_assign_pointer} is a plain {@code WRITE_ONCE}. */
    static final class OpaqueAssignPointer<V> extends RcuPointer<V> {

        OpaqueAssignPointer(String label, V initial) {
            super(label, initial);
        }

        /** The bug: an opaque store, no release. */
        @Override
        public void assign(V value) {
            cell().setOpaque(value);
        }
    }
}
