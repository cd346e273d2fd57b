package org.refcheck.protocols.kref;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;

/**
 * Lookup pattern D with {@code kref_put_lock} ({@code refcount_dec_and_lock}, a spinlock in the kernel) instead of
 * {@code kref_put_mutex}; otherwise {@link PutMutexKrefTable}. Follows include/linux/kref.h ({@code kref_put_lock})
 * and lib/refcount.c ({@code refcount_dec_and_lock}).
 *
 * <pre> {@code
 * KrefTable<String> table = new PutLockKrefTable<>(heap);
 * }</pre>
 *
 * <p>Memory consistency effects: those of {@link PutMutexKrefTable}.
 *
 * @param <T> the type of the entries' payloads
 */
public class PutLockKrefTable<T> extends PutMutexKrefTable<T> {

    public PutLockKrefTable(LifetimeTracker tracker) {
        this(tracker, Refcount.factory());
    }

    public PutLockKrefTable(LifetimeTracker tracker, Refcount.Factory counts) {
        super(tracker, counts);
    }

    /** The put primitive: {@code kref_put_lock}. */
    @Override
    protected boolean putReference(Entry<T> entry, Kref.LockedRelease release) {
        return entry.kref().putLock(release, lock());
    }
}
