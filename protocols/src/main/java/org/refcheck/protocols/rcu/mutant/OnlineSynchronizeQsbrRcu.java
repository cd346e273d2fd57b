package org.refcheck.protocols.rcu.mutant;

import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.QsbrReader;
import org.refcheck.sync.Fences;

/**
 * Mutant X24 (refcheck's own id; the QSBR form of B12): {@code synchronize_rcu()} called by a thread whose own
 * reader is online does not put that reader offline first, dropping liburcu's "Mark the writer thread offline to
 * make sure we don't wait for our own quiescent state" (src/urcu-qsbr.c).
 *
 * <p>Exposing interleaving: T1, a registered reader (online), replaces a value and calls {@code synchronize()},
 * which advances the domain's counter and waits for every online reader to copy it, T1's own reader included. T1
 * announces nothing while it waits, so its reader stays ACTIVE_OLD and the wait never ends, whatever the other
 * threads do. Symptom: <b>deadlock</b> (the model checker's deadlock oracle: the updater spins with no thread left
 * to write; a jcstress termination test that never terminates).
 */
public class OnlineSynchronizeQsbrRcu extends QsbrRcu {

    public OnlineSynchronizeQsbrRcu(String label) {
        super(label);
    }

    /** The bug: the caller's reader stays online for the wait. */
    @Override
    public void synchronize(QsbrReader self) {
        Fences.full();
        gracePeriod();
        Fences.full();
    }
}
