package org.refcheck.protocols.rcu;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Mutex;

/**
 * A read-mostly value behind an {@link RcuPointer}: readers use the current version inside a read-side section;
 * updaters publish a new version and free the old one after a grace period, synchronously or through
 * {@link CallRcu}.
 *
 * <p>The canonical RCU update of Documentation/RCU/whatisRCU.rst section 3 ("new = kmalloc; spin_lock; old =
 * rcu_dereference_protected(gbl); *new = *old; modify; rcu_assign_pointer(gbl, new); spin_unlock;
 * synchronize_rcu(); kfree(old)") and its read side ("rcu_read_lock(); v = rcu_dereference(gbl)->a;
 * rcu_read_unlock()"), over liburcu's urcu-memb domain ({@link Rcu}). Each version is a tracked allocation, so a
 * use after free of a version is a lifetime violation.
 *
 * <pre> {@code
 * RcuCell<Config> config = new RcuCell<>(rcu, deferred, heap, "config", initial);
 * int limit = config.read(me, c -> c.limit);          // reader
 * config.update(me, c -> c.withLimit(limit + 1));     // updater: copy, modify, publish, wait, free
 * config.replaceDeferred(other);                      // updater that must not block
 * config.close();                                     // after every reader and updater is done
 * }</pre>
 *
 * <p>Memory consistency effects: the construction of a version and every action of its updater before publishing
 * it happen-before a reader's use of that version; every use of a version happens-before it is freed.
 *
 * @param <T> the type of the value
 */
public class RcuCell<T> {

    /*
     * Implementation notes. Version lifetime: LIVE (published, or unlinked but maybe still read) --grace period-->
     * FREED. The pointer always holds exactly one LIVE published version; updateLock serializes updaters so that
     * an updater replaces only the version it read (rcu_dereference_protected); `versions` is
     * guarded by it too. A reader touches its
     * version when it starts and when it finishes using it (Version.use), so a free between the two is seen.
     */

    /** One published value: a tracked allocation holding it. */
    public static final class Version<T> {
        private final Allocation memory;
        private final T value;

        Version(LifetimeTracker heap, String label, T value) {
            this.memory = heap.allocate(label);
            this.value = value;
        }

        /** Uses the value: touches the version's memory before and after {@code use} runs. */
        public <R> R use(Function<? super T, ? extends R> use) {
            memory.access();
            R result = use.apply(value);
            memory.access();
            return result;
        }

        /** {@code kfree}: frees the version (after a grace period, or it is a bug). */
        public void free() {
            memory.free();
        }

        /** The version's memory, for tests that inspect its state. */
        public Allocation memory() {
            return memory;
        }
    }

    private final Rcu rcu;
    private final CallRcu deferred;
    private final LifetimeTracker heap;
    private final String label;
    private final RcuPointer<Version<T>> pointer;
    private final Mutex updateLock;
    private int versions;

    /** A cell holding {@code initial}, whose updaters wait on {@code rcu} and defer frees to {@code deferred}. */
    public RcuCell(Rcu rcu, CallRcu deferred, LifetimeTracker heap, String label, T initial) {
        this(rcu, deferred, heap, label, initial, RcuPointer::new);
    }

    /**
     * A cell whose pointer to the current version is made by {@code pointers} (from a label and the first
     * version), for mutants of the pointer's publication.
     */
    protected RcuCell(Rcu rcu, CallRcu deferred, LifetimeTracker heap, String label, T initial,
            BiFunction<String, Version<T>, RcuPointer<Version<T>>> pointers) {
        this.rcu = Objects.requireNonNull(rcu, "rcu");
        this.deferred = Objects.requireNonNull(deferred, "deferred");
        this.heap = Objects.requireNonNull(heap, "heap");
        this.label = Objects.requireNonNull(label, "label");
        this.updateLock = Mutex.create(label + ".update_lock");
        this.pointer = pointers.apply(label, newVersion(initial));
    }

    /** The domain whose grace periods the updaters wait for. */
    public Rcu rcu() {
        return rcu;
    }

    /** The pointer to the current version. */
    protected final RcuPointer<Version<T>> pointer() {
        return pointer;
    }

    /** Allocates a version holding {@code value}; updaters call it with the update lock held, before publishing. */
    private Version<T> newVersion(T value) {
        return new Version<>(heap, label + ".v" + versions++, value);
    }

    /** Reader: applies {@code use} to the current value inside a read-side section of {@code reader}. */
    public <R> R read(RcuReader reader, Function<? super T, ? extends R> use) {
        try (RcuReadGuard section = reader.readLock()) {
            return pointer.dereference(section).use(use);
        }
    }

    /** Updater: publishes {@code value}, waits for a grace period, frees the replaced version. */
    public void replace(T value) {
        Version<T> old;
        try (Mutex.Guard held = updateLock.lock()) {
            old = pointer.access();
            pointer.assign(newVersion(value));
        }
        rcu.synchronize();
        old.free();
    }

    /** Updater that must not block: publishes {@code value} and frees the replaced version with {@code call_rcu}. */
    public void replaceDeferred(T value) {
        Version<T> old;
        try (Mutex.Guard held = updateLock.lock()) {
            old = pointer.access();
            pointer.assign(newVersion(value));
        }
        deferred.callRcu(old::free);
    }

    /**
     * Read-copy-update: reads the current value in a read-side section of {@code reader}, computes its replacement,
     * and publishes it if no other updater replaced the value meanwhile (else starts again); then, outside the
     * section, waits for a grace period and frees the replaced version.
     */
    public void update(RcuReader reader, UnaryOperator<T> change) {
        Version<T> old = null;
        while (old == null) {
            try (RcuReadGuard section = reader.readLock()) {
                Version<T> seen = pointer.dereference(section);
                if (publishIfCurrent(seen, seen.use(change))) {
                    old = seen;
                }
            }
        }
        rcu.synchronize();
        old.free();
    }

    /**
     * Under the update lock, publishes a new version holding {@code next} if {@code seen} is still the current
     * version ({@code rcu_dereference_protected} + {@code rcu_assign_pointer}).
     *
     * @return whether {@code next} was published
     */
    protected final boolean publishIfCurrent(Version<T> seen, T next) {
        try (Mutex.Guard held = updateLock.lock()) {
            if (pointer.access() != seen) {
                return false;
            }
            pointer.assign(newVersion(next));
            return true;
        }
    }

    /** Ends the cell once nobody uses it: waits for deferred frees, then frees the current version. */
    public void close() {
        deferred.barrier();
        pointer.access().free();
    }

    @Override
    public String toString() {
        return label;
    }
}
