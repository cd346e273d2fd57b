package org.refcheck.protocols.kref.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.MutexKrefTable;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.sync.Mutex;

/**
 * Mutant B4: a lookup table that mixes kref.rst's patterns A and B: lookup takes the mutex and uses a plain
 * {@code kref_get} (pattern A), but put is an unlocked {@code kref_put} whose release takes the mutex only to unlink
 * (pattern B).
 *
 * <p>Overrides {@link MutexKrefTable#put}; the lookup is pattern A's, unchanged.
 *
 * <p>Exposing interleaving (catalogue bug B4; kref.rst rule 3): T1 puts the last reference: 1 -&gt; 0, enters the
 * release and waits for the mutex. T2 holds the mutex, finds the still-linked entry and {@code kref_get}s it: 0 -&gt;
 * 1 ({@code "refcount_t: addition on 0; use-after-free."}, and the counter saturates), unlocks and uses the entry.
 * T1 then unlinks and frees it. Symptom: <b>resurrection, then use after free</b> by T2. Correct fixes:
 * {@code kref_get_unless_zero} in the lookup ({@code GetUnlessZeroKrefTable}) or {@code kref_put_mutex}
 * ({@code PutMutexKrefTable}).
 *
 * @param <T> the type of the entries' payloads
 */
public class MixedPatternKrefTable<T> extends MutexKrefTable<T> {

    public MixedPatternKrefTable(LifetimeTracker tracker) {
        this(tracker, Refcount.factory());
    }

    public MixedPatternKrefTable(LifetimeTracker tracker, Refcount.Factory counts) {
        super(tracker, counts);
    }

    /** The bug: the decrement to zero happens outside the mutex the lookup's plain {@code kref_get} relies on. */
    @Override
    public void put(Entry<T> entry) {
        entry.kref().put(kref -> {
            try (Mutex.Guard held = lock().lock()) {
                unlinkLocked(entry);
            }
            free(entry);
        });
    }
}
