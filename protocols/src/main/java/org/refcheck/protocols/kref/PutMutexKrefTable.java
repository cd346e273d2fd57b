package org.refcheck.protocols.kref;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.sync.Mutex;

/**
 * Lookup pattern D, from include/linux/kref.h: puts use {@code kref_put_mutex}, so the mutex is taken only for a
 * possibly-last put, and lookup may use a plain {@code kref_get} under the same mutex.
 *
 * <p>{@link #lookup()} is pattern A's: lock, take the linked entry, {@code kref_get}, unlock. {@link #put} is
 * {@code kref_put_mutex}: {@code refcount_dec_not_one} decrements without the lock while other references remain;
 * at 1 it locks and decrements under the lock ({@code refcount_dec_and_mutex_lock}), and if that reached zero the
 * release unlinks, unlocks and frees. A lookup that got in first raised the count, and the put backs off.
 *
 * <pre> {@code
 * KrefTable<String> table = new PutMutexKrefTable<>(heap);
 * }</pre>
 *
 * <p>Memory consistency effects: those of {@link KrefTable}; a last put is ordered with every lookup by the mutex.
 *
 * @param <T> the type of the entries' payloads
 */
public class PutMutexKrefTable<T> extends MutexKrefTable<T> {

    /*
     * Implementation notes: lookup is pattern A's (lock; e = first; kref_get(e); unlock), inherited.
     * put = kref_put_mutex(e, release, lock),
     * release(held) = unlink; unlock; free. The 1 -> 0 step only ever happens with the mutex held, so a lookup
     * (which also holds it) never sees 0 on a linked entry.
     */

    public PutMutexKrefTable(LifetimeTracker tracker) {
        this(tracker, Refcount.factory());
    }

    public PutMutexKrefTable(LifetimeTracker tracker, Refcount.Factory counts) {
        super(tracker, counts);
    }

    @Override
    public void put(Entry<T> entry) {
        putReference(entry, (kref, held) -> {
            unlinkLocked(entry);
            held.close();
            free(entry);
        });
    }

    /** The put primitive: {@code kref_put_mutex}. */
    protected boolean putReference(Entry<T> entry, Kref.LockedRelease release) {
        return entry.kref().putMutex(release, lock());
    }
}
