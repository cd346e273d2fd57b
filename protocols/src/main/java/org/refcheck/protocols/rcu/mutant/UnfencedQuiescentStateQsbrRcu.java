package org.refcheck.protocols.rcu.mutant;

import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.QsbrReader;
import org.refcheck.sync.Fences;

/**
 * Mutant X25 (refcheck's own id; the bug table has no QSBR row): a QSBR domain whose readers' quiescent state has
 * no full fence before the store that announces it (liburcu's {@code _urcu_qsbr_quiescent_state_update_and_wakeup}
 * begins with {@code cmm_smp_mb()}; include/urcu/static/urcu-qsbr.h).
 *
 * <p>Exposing interleaving: T1 (reader, online) dereferences version P and uses it, then announces a quiescent
 * state with an opaque store of the new counter. T2 (updater) published a new version, advanced the counter, reads
 * T1's counter (opaquely) as current, fences and frees P. Nothing orders T1's uses of P before its store, so they
 * do not happen before the free. Symptom: <b>use after free, unordered by happens-before</b> (T1's loads of P may
 * still be pending when P is freed). Weak memory only: on x86 (TSO) a load is never reordered after a later store,
 * and under sequential consistency every execution behaves like the correct domain.
 */
public class UnfencedQuiescentStateQsbrRcu extends QsbrRcu {

    public UnfencedQuiescentStateQsbrRcu(String label) {
        super(label);
    }

    @Override
    protected QsbrReader newReader(String name) {
        return new UnfencedReader(this, name);
    }

    /** A reader whose quiescent state stores first and fences after. */
    static final class UnfencedReader extends QsbrReader {

        UnfencedReader(QsbrRcu domain, String name) {
            super(domain, name);
        }

        /** The bug: no fence before the store. */
        @Override
        public void quiescentState() {
            requireOnlineOutsideSection("announces a quiescent state");
            long gp = domainCounter();
            if (gp == counter()) {
                return;
            }
            publishCounter(gp);
            Fences.full();
        }
    }
}
