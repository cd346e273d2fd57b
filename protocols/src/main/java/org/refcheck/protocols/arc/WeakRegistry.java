package org.refcheck.protocols.arc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedRef;

/**
 * A lookup table of {@link Weak} references whose entries die with their objects, like a kernel object cache: the
 * table does not keep its objects alive, {@link #lookup} hands out a strong {@link Arc} only while the object lives,
 * and the object's destructor removes its own entry.
 *
 * <p>Follows the lookup-table rules of Documentation/core-api/kref.rst (pattern B: "kref_get_unless_zero inside the
 * lookup critical section", and the object's release removing it from the table) in the shape Rust code gives them
 * with std's {@code Weak}: a {@code Mutex<HashMap<K, Weak<V>>>} whose lookup is {@code Weak::upgrade} (std's
 * library/alloc/src/sync.rs CAS loop that never revives a zero count) and whose values, in their {@code Drop}, remove
 * their key only if the entry is still their own.
 *
 * <pre> {@code
 * WeakRegistry<Integer, Inode> cache = new WeakRegistry<>("inodes");
 * Arc<Inode> inode = Arc.create(heap, new Inode(cache, 7));   // Inode.drop() calls cache.evict(7, this)
 * cache.register(7, inode);
 * try (Arc<Inode> found = cache.lookup(7)) { ... }            // null once the last Arc of the inode is gone
 * }</pre>
 *
 * <p>The destructor of a registered value runs {@link #evict}, which takes the registry's mutex: never drop the last
 * {@code Arc} of a registered value while holding that mutex yourself.
 *
 * <p>Memory consistency effects: actions before {@link #register} happen-before a {@link #lookup} of the same key
 * that returns that object; a returned {@code Arc} also carries {@link Weak#upgrade()}'s acquire.
 *
 * @param <K> the key type (with {@code equals}/{@code hashCode})
 * @param <V> the value type, which should implement {@link Drop} and call {@link #evict} from its destructor
 */
public class WeakRegistry<K, V> {

    /*
     * Implementation notes.
     *
     * One slot per key ever registered: a SharedRef<Weak<V>>, created on first registration and never removed, so
     * that every later read or write of the table is an access to a labelled cell the model checker sees. The
     * HashMap from keys to slots and every slot access are touched only under `lock`, so plain accesses suffice;
     * the mutex orders them.
     *
     * A slot holds exactly one Weak, owned by the registry, or null. Ownership of that Weak moves:
     *   register(k, a):   slot := a.downgrade(); the previous Weak (if any) is dropped after unlocking
     *   evict(k, dying):  if the slot's Weak points to `dying`'s allocation, slot := null and the Weak is dropped
     *                     after unlocking; otherwise (a newer object under the same key) the slot is left alone
     *   clear():          every slot := null, every Weak dropped after unlocking
     * so every Weak the registry creates is dropped exactly once and no allocation leaks through the table.
     *
     * Entry lifetime for one object O under key k:
     *   REGISTERED (O live) -> DYING (O.strong == 0, slot still holds O's Weak) -> EVICTED (slot null or newer)
     * lookup in DYING finds the Weak but its upgrade refuses the zero count: no resurrection. The Weak keeps O's
     * allocation alive, so the upgrade never touches freed memory.
     *
     * Dropping a Weak never runs a destructor, so dropping them under the lock could not deadlock; they are dropped
     * after unlocking only to keep the critical sections short.
     */

    private final String label;
    private final Mutex lock;
    private final Map<K, SharedRef<Weak<V>>> slots = new HashMap<>();

    /** Creates an empty registry whose mutex and slots are labelled after {@code label}. */
    public WeakRegistry(String label) {
        this.label = Objects.requireNonNull(label, "label");
        this.lock = Mutex.create(label + ".lock");
    }

    /** The label this registry was created with. */
    public String label() {
        return label;
    }

    /**
     * Registers {@code arc}'s object under {@code key}: stores a new {@link Weak} to it, replacing (and dropping)
     * whatever the key held before. The caller keeps {@code arc}.
     */
    public void register(K key, Arc<V> arc) {
        Objects.requireNonNull(key, "key");
        Weak<V> entry = arc.downgrade();
        Weak<V> previous;
        try (Mutex.Guard held = lock.lock()) {
            SharedRef<Weak<V>> slot = slots.computeIfAbsent(key, k -> SharedRef.of(label + "[" + k + "]", null));
            previous = slot.getPlain();
            slot.setPlain(entry);
        }
        if (previous != null) {
            previous.drop();
        }
    }

    /**
     * Looks {@code key} up: a new strong reference to its object if the object still lives, {@code null} if the key
     * is absent or its object is dying or dead. The upgrade happens inside the critical section that found the
     * entry, so the entry's {@code Weak} cannot be dropped under it.
     */
    public Arc<V> lookup(K key) {
        try (Mutex.Guard held = lock.lock()) {
            SharedRef<Weak<V>> slot = slots.get(key);
            Weak<V> entry = slot == null ? null : slot.getPlain();
            return entry == null ? null : entry.upgrade();
        }
    }

    /**
     * Removes {@code key}'s entry if it still belongs to {@code dying}; called by the destructor of a registered
     * value. Returns whether an entry was removed (and its {@code Weak} dropped).
     */
    public boolean evict(K key, V dying) {
        Weak<V> removed = null;
        try (Mutex.Guard held = lock.lock()) {
            SharedRef<Weak<V>> slot = slots.get(key);
            Weak<V> entry = slot == null ? null : slot.getPlain();
            if (entry != null && ownsSlot(entry, dying)) {
                slot.setPlain(null);
                removed = entry;
            }
        }
        if (removed != null) {
            removed.drop();
        }
        return removed != null;
    }

    /**
     * Whether the entry found under the dying value's key is the dying value's own, rather than a newer object
     * registered under the same key after the dying one's last {@code Arc} was dropped. Called with the lock held.
     */
    protected boolean ownsSlot(Weak<V> entry, V dying) {
        return entry.holdsValue(dying);
    }

    /** Whether {@code key} currently has an entry (possibly of a dying object). */
    public boolean contains(K key) {
        try (Mutex.Guard held = lock.lock()) {
            SharedRef<Weak<V>> slot = slots.get(key);
            return slot != null && slot.getPlain() != null;
        }
    }

    /** The number of keys with an entry (live or dying objects). */
    public int size() {
        int n = 0;
        try (Mutex.Guard held = lock.lock()) {
            for (SharedRef<Weak<V>> slot : slots.values()) {
                if (slot.getPlain() != null) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Removes every entry and drops the registry's {@code Weak}s; the objects themselves are not touched. */
    public void clear() {
        List<Weak<V>> removed = new ArrayList<>();
        try (Mutex.Guard held = lock.lock()) {
            for (SharedRef<Weak<V>> slot : slots.values()) {
                Weak<V> entry = slot.getPlain();
                if (entry != null) {
                    slot.setPlain(null);
                    removed.add(entry);
                }
            }
        }
        for (Weak<V> entry : removed) {
            entry.drop();
        }
    }

    @Override
    public String toString() {
        return "WeakRegistry(" + label + ")";
    }
}
