package org.refcheck.protocols.kref;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.sync.Mutex;

/**
 * Lookup pattern A of Documentation/core-api/kref.rst: one mutex around lookup-and-get and around every put.
 *
 * <p>{@link #lookup()} locks, takes the linked entry and {@code kref_get}s it, unlocks. {@link #put} locks and
 * {@code kref_put}s; the release unlinks and frees the entry while the mutex is still held. A lookup therefore never
 * runs between a put's decrement to zero and the unlink, so the plain {@code kref_get} never sees zero (kref.rst
 * rule 3: "a kref_put() cannot occur during the kref_get()").
 *
 * <pre> {@code
 * KrefTable<String> table = new MutexKrefTable<>(heap);
 * }</pre>
 *
 * <p>Memory consistency effects: those of {@link KrefTable}; every put is also ordered with every lookup by the
 * mutex.
 *
 * @param <T> the type of the entries' payloads
 */
public class MutexKrefTable<T> extends KrefTable<T> {

    /*
     * Implementation notes: lookup = lock; e = first; kref_get(e); unlock. put = lock; kref_put(e, release);
     * unlock, with release = unlink; free (under the mutex). The count of a linked entry is >= 1 whenever the
     * mutex is free, which is what makes the unconditional kref_get safe.
     */

    public MutexKrefTable(LifetimeTracker tracker) {
        this(tracker, Refcount.factory());
    }

    public MutexKrefTable(LifetimeTracker tracker, Refcount.Factory counts) {
        super(tracker, counts);
    }

    @Override
    public Entry<T> lookup() {
        try (Mutex.Guard held = lock().lock()) {
            Entry<T> entry = firstLocked();
            if (entry != null) {
                entry.kref().get();
            }
            return entry;
        }
    }

    @Override
    public void put(Entry<T> entry) {
        try (Mutex.Guard held = lock().lock()) {
            entry.kref().put(kref -> {
                unlinkLocked(entry);
                free(entry);
            });
        }
    }
}
