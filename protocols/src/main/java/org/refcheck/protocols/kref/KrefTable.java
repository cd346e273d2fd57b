package org.refcheck.protocols.kref;

import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedRef;

/**
 * A lookup table of kref-counted entries, the scenario of Documentation/core-api/kref.rst: threads find an entry
 * without already holding a reference to it, while the entry's last {@code kref_put} unlinks it and frees it.
 *
 * <p>Follows Documentation/core-api/kref.rst and include/linux/kref.h: each subclass is one of the locking patterns
 * they document:
 * {@link MutexKrefTable} (A: one mutex around lookup-and-get and around put), {@link GetUnlessZeroKrefTable} (B:
 * {@code kref_get_unless_zero} inside the lookup's critical section, release locks only to unlink),
 * {@link PutMutexKrefTable} and {@link PutLockKrefTable} (D: {@code kref_put_mutex} / {@code kref_put_lock}, plain
 * {@code kref_get} under the lock in lookup). Pattern C (lookup under {@code rcu_read_lock}, release with
 * {@code kfree_rcu}) needs an RCU protocol, which refcheck does not have yet, so it is left out for now.
 *
 * <p>The "list" of kref.rst is one slot: {@link #insert} links an entry, {@link #lookup()} finds the linked entry and
 * returns a counted reference to it, {@link #put} drops a reference, and the last put unlinks and frees the entry.
 *
 * <pre> {@code
 * KrefTable<String> table = new GetUnlessZeroKrefTable<>(heap);
 * KrefTable.Entry<String> mine = table.insert("payload");   // count 1: the creator's reference
 * // another thread:  Entry<String> e = table.lookup(); if (e != null) { use(e.payload()); table.put(e); }
 * table.put(mine);                                          // the last put unlinks and frees
 * }</pre>
 *
 * <p>Memory consistency effects: the table's mutex orders every access to the slot (lookup, link, unlink); an entry
 * found by {@link #lookup()} is ordered after its {@link #insert} by that mutex. The entry's kref orders every use
 * of it before its free.
 *
 * @param <T> the type of the entries' payloads
 */
public abstract class KrefTable<T> {

    /*
     * Implementation notes. One entry's life in the table:
     *
     *     insert: LINKED, count 1 --gets/puts--> LINKED, count 0 (release running) --unlink--> UNLINKED --free--> FREED
     *
     * Invariant every correct pattern keeps: lookup never hands out an entry whose count has reached 0, and an
     * entry is freed only after it is unlinked and no lookup can still be about to touch it. The slot is read with
     * getPlain under the mutex and written with setOpaque under the mutex, so that observers (linked(),
     * isLinked(...)) may read it with getOpaque at any time without a mixed-mode race. unlinkLocked reports an
     * access to the entry, because list_del writes the entry's own list pointers.
     */

    private final LifetimeTracker tracker;
    private final Refcount.Factory counts;
    private final Mutex lock;
    private final SharedRef<Entry<T>> slot;

    /**
     * An empty table.
     *
     * @param counts makes each entry's counter (use {@link Refcount#factory()} for the kernel's)
     */
    protected KrefTable(LifetimeTracker tracker, Refcount.Factory counts) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.counts = Objects.requireNonNull(counts, "counts");
        String name = getClass().getSimpleName();
        this.lock = Mutex.create(name + ".lock");
        this.slot = SharedRef.of(name + ".slot", null);
    }

    /**
     * Allocates an entry (count 1, the caller's reference) and links it.
     *
     * @throws IllegalStateException if an entry is linked already (the table has one slot)
     */
    public Entry<T> insert(T payload) {
        try (Mutex.Guard held = lock.lock()) {
            if (slot.getPlain() != null) {
                throw new IllegalStateException(slot.label() + " already holds " + slot.getPlain());
            }
            Allocation allocation = tracker.allocate("KrefEntry#" + (tracker.allocationCount() + 1));
            Kref kref = new Kref(counts.create(tracker, allocation.label() + ".refcount", 1, allocation));
            Entry<T> entry = new Entry<>(allocation, kref, payload);
            slot.setOpaque(entry);
            return entry;
        }
    }

    /** Finds the linked entry and takes a reference to it; {@code null} if none is linked or it is being released. */
    public abstract Entry<T> lookup();

    /** Drops a reference obtained from {@link #insert} or {@link #lookup()}; the last one unlinks and frees. */
    public abstract void put(Entry<T> entry);

    /** The entry linked now (a racy snapshot, for oracles). */
    public final Entry<T> linked() {
        return slot.getOpaque();
    }

    /** Whether {@code entry} is linked now (a racy snapshot, for oracles). */
    public final boolean isLinked(Entry<T> entry) {
        return entry != null && slot.getOpaque() == entry;
    }

    /** The lock of the table. */
    public final Mutex lock() {
        return lock;
    }

    /** The tracker that allocates the entries. */
    public final LifetimeTracker tracker() {
        return tracker;
    }

    /** The linked entry, for a caller holding {@link #lock()}: kref.rst's {@code list_entry(q.next, ...)}. */
    protected final Entry<T> firstLocked() {
        return slot.getPlain();
    }

    /** {@code list_del}, for a caller holding {@link #lock()}: unlinks {@code entry} if it is the linked one. */
    protected final void unlinkLocked(Entry<T> entry) {
        entry.allocation().access();
        if (slot.getPlain() == entry) {
            slot.setOpaque(null);
        }
    }

    /** {@code kfree(entry)}. */
    protected final void free(Entry<T> entry) {
        entry.allocation().free();
    }

    /**
     * One table entry: kref.rst's {@code struct my_data}, a {@link Kref} and a payload in one tracked allocation.
     *
     * @param <T> the type of the payload
     */
    public static final class Entry<T> {

        private final Allocation allocation;
        private final Kref kref;
        private final T payload;

        Entry(Allocation allocation, Kref kref, T payload) {
            this.allocation = allocation;
            this.kref = kref;
            this.payload = payload;
        }

        /** Reports an access to the entry and returns its payload. */
        public T payload() {
            allocation.access();
            return payload;
        }

        /** The entry's kref (its counter is embedded in {@link #allocation()}). */
        public Kref kref() {
            return kref;
        }

        /** The tracked allocation of the entry. */
        public Allocation allocation() {
            return allocation;
        }

        /** The count without touching the entry: for oracles, also after the free. */
        public int observeCount() {
            return kref.refcount().observe();
        }

        /** Whether the entry has been freed (a racy snapshot, for oracles). */
        public boolean isFreed() {
            return allocation.state() == AllocationState.FREED;
        }

        @Override
        public String toString() {
            return allocation.label() + "(count " + observeCount() + ", " + allocation.state().name().toLowerCase()
                    + ")";
        }
    }
}
