package org.refcheck.protocols.rcu.mutant;

import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;

/**
 * Mutant B14: {@code call_rcu} runs the callback at once instead of after a grace period (a {@code kfree} where
 * {@code kfree_rcu} was needed).
 *
 * <p>Exposing interleaving (catalogue bug B14): a reader dereferences the current version inside its read-side
 * section. The updater publishes a new version and hands the old one to {@code call_rcu(free)}, which frees it
 * immediately. The reader, still inside its section, uses the freed version. Symptom: <b>use after free</b>.
 */
public class ImmediateCallRcu extends CallRcu {

    public ImmediateCallRcu(Rcu rcu) {
        super(rcu);
    }

    /** The bug: no grace period before the callback. */
    @Override
    public void callRcu(Runnable callback) {
        callback.run();
    }
}
