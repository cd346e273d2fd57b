package org.refcheck.protocols.kref.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.GetUnlessZeroKrefTable;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.sync.Mutex;

/**
 * Mutant B5: kref.rst's pattern B with {@code kref_get_unless_zero} moved out of the lookup's critical section.
 *
 * <p>Overrides {@link GetUnlessZeroKrefTable#lookup()}: the entry pointer is read under the mutex, the mutex is
 * dropped, and only then is {@code kref_get_unless_zero} tried.
 *
 * <p>Exposing interleaving (catalogue bug B5): T2 finds the entry under the mutex and unlocks. T1 puts the last
 * reference: 1 -&gt; 0, the release locks, unlinks, unlocks and frees. T2's {@code kref_get_unless_zero} now reads
 * the counter of the freed entry. Symptom: <b>use after free</b> (kref.rst: "otherwise kref_get_unless_zero may
 * reference already freed memory").
 *
 * @param <T> the type of the entries' payloads
 */
public class GetOutsideLockKrefTable<T> extends GetUnlessZeroKrefTable<T> {

    public GetOutsideLockKrefTable(LifetimeTracker tracker) {
        this(tracker, Refcount.factory());
    }

    public GetOutsideLockKrefTable(LifetimeTracker tracker, Refcount.Factory counts) {
        super(tracker, counts);
    }

    /** The bug: the critical section ends before {@code kref_get_unless_zero}. */
    @Override
    public Entry<T> lookup() {
        Entry<T> entry;
        try (Mutex.Guard held = lock().lock()) {
            entry = firstLocked();
        }
        if (entry != null && !entry.kref().getUnlessZero()) {
            entry = null;
        }
        return entry;
    }
}
