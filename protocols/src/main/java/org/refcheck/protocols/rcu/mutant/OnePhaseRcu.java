package org.refcheck.protocols.rcu.mutant;

import java.util.List;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Mutex;

/**
 * Mutant B15: a one-phase grace period. {@link #synchronize()} flips the phase and then waits once, for the readers
 * that hold the old phase; liburcu's src/urcu.c waits before the flip too.
 *
 * <p>Exposing interleaving (catalogue bug B15): reader R loads the domain's counter (phase 0) and is preempted
 * before storing it. Grace period 1 flips to phase 1; R looks inactive, so it ends. R stores its stale phase-0
 * snapshot and dereferences the pointer, getting version P. The updater replaces P and runs grace period 2, which
 * flips back to phase 0 and waits only for readers whose phase is not 0: R looks current and is not waited for, so
 * P is freed while R uses it. Symptom: <b>use after free</b>. With both phases, grace period 2 finds R holding the
 * old phase before its flip and waits.
 */
public class OnePhaseRcu extends Rcu {

    public OnePhaseRcu(String label) {
        super(label);
    }

    /** The bug: no wait before the flip. */
    @Override
    public void synchronize() {
        try (Mutex.Guard held = gpLock().lock()) {
            List<RcuReader> readers = registered();
            if (readers.isEmpty()) {
                return;
            }
            flipPhase();
            waitForReaders(readers, null);
            Fences.full();
        }
    }
}
