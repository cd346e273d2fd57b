package org.refcheck.protocols.rcu.mutant;

import java.util.function.Function;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.RcuReadGuard;
import org.refcheck.protocols.rcu.RcuReader;

/**
 * Mutant B13: the reader keeps the dereferenced pointer past its read-side section and uses it afterwards, the
 * "BUG!!!" example of Documentation/RCU/whatisRCU.rst.
 *
 * <p>Exposing interleaving (catalogue bug B13): T1 opens a section, dereferences version P, closes the section.
 * T2 publishes a new version and synchronizes, which returns at once (no reader is in a section), then frees P.
 * T1 uses P. Symptom: <b>use after free</b>.
 *
 * @param <T> the type of the value
 */
public class UseAfterUnlockRcuCell<T> extends RcuCell<T> {

    public UseAfterUnlockRcuCell(Rcu rcu, CallRcu deferred, LifetimeTracker heap, String label, T initial) {
        super(rcu, deferred, heap, label, initial);
    }

    /** The bug: the section ends before the version is used. */
    @Override
    public <R> R read(RcuReader reader, Function<? super T, ? extends R> use) {
        Version<T> version;
        try (RcuReadGuard section = reader.readLock()) {
            version = pointer().dereference(section);
        }
        return version.use(use);
    }
}
