package org.refcheck.protocols.kref;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.sync.Mutex;

/**
 * Lookup pattern B of Documentation/core-api/kref.rst: {@code kref_get_unless_zero} inside the lookup's critical
 * section; puts take no lock, and only the release locks, to unlink.
 *
 * <p>{@link #lookup()} locks, takes the linked entry and tries {@code kref_get_unless_zero}; if the count is already
 * zero the entry is being released and the lookup finds nothing. {@link #put} is a plain {@code kref_put}; its
 * release locks, unlinks, unlocks and frees. kref.rst: "it's important that kref_get_unless_zero is enclosed in the
 * same critical section that finds the entry in the lookup table, otherwise kref_get_unless_zero may reference
 * already freed memory" (the B5 mutant moves it out).
 *
 * <pre> {@code
 * KrefTable<String> table = new GetUnlessZeroKrefTable<>(heap);
 * }</pre>
 *
 * <p>Memory consistency effects: those of {@link KrefTable}; the free of an entry is ordered after every lookup
 * that saw it by the mutex the release takes to unlink.
 *
 * @param <T> the type of the entries' payloads
 */
public class GetUnlessZeroKrefTable<T> extends KrefTable<T> {

    /*
     * Implementation notes: lookup = lock; e = first; if (!kref_get_unless_zero(e)) e = null; unlock.
     * put = kref_put(e, release), release = lock; unlink; unlock; free. A lookup that holds the mutex delays the
     * unlink, hence the free, so its kref_get_unless_zero always touches live memory; a count of 0 means "being
     * released" and is refused.
     */

    public GetUnlessZeroKrefTable(LifetimeTracker tracker) {
        this(tracker, Refcount.factory());
    }

    public GetUnlessZeroKrefTable(LifetimeTracker tracker, Refcount.Factory counts) {
        super(tracker, counts);
    }

    @Override
    public Entry<T> lookup() {
        try (Mutex.Guard held = lock().lock()) {
            Entry<T> entry = firstLocked();
            if (entry != null && !entry.kref().getUnlessZero()) {
                entry = null;
            }
            return entry;
        }
    }

    @Override
    public void put(Entry<T> entry) {
        entry.kref().put(kref -> releaseEntry(entry));
    }

    /** kref.rst's {@code release_entry}: lock, unlink, unlock, free. */
    protected final void releaseEntry(Entry<T> entry) {
        try (Mutex.Guard held = lock().lock()) {
            unlinkLocked(entry);
        }
        free(entry);
    }
}
