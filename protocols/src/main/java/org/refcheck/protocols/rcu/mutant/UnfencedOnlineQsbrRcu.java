package org.refcheck.protocols.rcu.mutant;

import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.QsbrReader;

/**
 * Mutant X26 (refcheck's own id; the bug table has no QSBR row): a QSBR domain whose readers come online without
 * the full fence after the store that announces it (liburcu's {@code _urcu_qsbr_thread_online} stores
 * {@code reader.ctr} and then issues {@code cmm_smp_mb()}; include/urcu/static/urcu-qsbr.h).
 *
 * <p>Exposing interleaving: T1 (reader, offline) comes online with an opaque store of the counter and, with nothing
 * ordering that store before its next load, dereferences version P. T2 (updater) publishes a new version, advances
 * the counter, fences and reads T1's counter as 0 (T1's store is not visible yet: store buffering), so the grace
 * period does not wait for T1 and T2 frees P, which T1 then uses. Symptom: <b>use after free</b>. Store buffering
 * is the one reordering x86 (TSO) performs, so this needs no weaker hardware; under sequential consistency every
 * execution behaves like the correct domain.
 */
public class UnfencedOnlineQsbrRcu extends QsbrRcu {

    public UnfencedOnlineQsbrRcu(String label) {
        super(label);
    }

    @Override
    protected QsbrReader newReader(String name) {
        return new UnfencedOnlineReader(this, name);
    }

    /** A reader whose online() stores its counter and does not fence. */
    static final class UnfencedOnlineReader extends QsbrReader {

        UnfencedOnlineReader(QsbrRcu domain, String name) {
            super(domain, name);
        }

        /** The bug: no fence after the store. */
        @Override
        public void online() {
            requireRegistered();
            if (isOnline()) {
                throw new IllegalStateException(this + " is already online");
            }
            publishCounter(domainCounter());
        }
    }
}
