package org.refcheck.protocols.arc;

import java.util.Objects;
import org.refcheck.lifetime.LifetimeTracker;

/**
 * A strong reference-counted handle, Rust std's {@code Arc<T>}: the value lives while any {@code Arc} to it does, and
 * its allocation lives while any {@code Arc} or {@link Weak} does.
 *
 * <p>Follows library/alloc/src/sync.rs ({@code Arc}, rust-lang/rust 00c5289c); the counter steps are in
 * {@link ArcScheme}, the allocation in {@link ArcInner}. Each handle stands for one Rust {@code Arc} value: it is
 * owned by one thread at a time, may be shared read-only ({@link #clone()}, {@link #get()}, {@link #downgrade()} only
 * read it), and is consumed by {@link #drop()}, {@link #intoInner()} or a successful {@link #tryUnwrap()}. Using a
 * consumed handle throws {@link IllegalStateException}: it is a misuse of the API, not a second decrement.
 *
 * <pre> {@code
 * LifetimeTracker heap = new LifetimeTracker();
 * try (Arc<Payload> a = Arc.create(heap, new Payload());
 *      Arc<Payload> b = a.clone()) {
 *     b.get().read();
 *     Weak<Payload> w = a.downgrade();
 *     ...
 * }
 * assert heap.finish().isEmpty();
 * }</pre>
 *
 * <p>Memory consistency effects: actions in a thread before it drops (or {@code intoInner}s) an {@code Arc}
 * happen-before the value's destructor runs, or {@code intoInner} returns the value, in the thread that gave up the
 * last one. {@code clone} orders nothing; passing a handle to another thread must synchronize by itself. A
 * {@link #getMut()} that returns the value happens-after every drop of the other handles.
 *
 * @param <T> the type of the value
 */
public final class Arc<T> implements Drop, AutoCloseable {

    /*
     * Implementation notes. Handle states:
     *   LIVE -> CONSUMED    drop(), close(), intoInner(), or a successful tryUnwrap()
     * `consumed` is a plain field of the handle, never shared memory: a handle belongs to one thread at a time, as a
     * Rust value does, so the check catches sequential misuse (use after drop, double drop) before it reaches the
     * counters. Handing a handle to another thread needs the same synchronization as handing over the value.
     */

    private final ArcInner<T> inner;
    private boolean consumed;

    Arc(ArcInner<T> inner) {
        this.inner = inner;
    }

    /** {@code Arc::new} with {@link ArcScheme#STD}: a new tracked allocation with {@code strong = 1, weak = 1}. */
    public static <T> Arc<T> create(LifetimeTracker tracker, T value) {
        return create(tracker, value, ArcScheme.STD);
    }

    /** {@code Arc::new} running the given scheme's steps (a mutant, or a test's paused variant). */
    public static <T> Arc<T> create(LifetimeTracker tracker, T value, ArcScheme scheme) {
        return create(tracker, "Arc#" + (tracker.allocationCount() + 1), value, scheme);
    }

    /** {@code Arc::new} with an explicit allocation label (cells are labelled {@code label.strong}, {@code .weak}). */
    public static <T> Arc<T> create(LifetimeTracker tracker, String label, T value, ArcScheme scheme) {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        return new Arc<>(new ArcInner<>(tracker, label, value, scheme));
    }

    /** Reports a use of the value and returns it ({@code Deref}). */
    public T get() {
        return live().access();
    }

    /** {@code Arc::clone}: a new handle; relaxed increment of {@code strong}. */
    @Override
    public Arc<T> clone() {
        ArcInner<T> in = live();
        in.scheme().cloneStrong(in);
        return new Arc<>(in);
    }

    /** {@code Drop for Arc}: gives up this handle; the last strong one destroys the value. */
    @Override
    public void drop() {
        ArcInner<T> in = live();
        consumed = true;
        in.scheme().dropStrong(in);
    }

    /** Same as {@link #drop()}, for try-with-resources. */
    @Override
    public void close() {
        drop();
    }

    /** {@code Arc::downgrade}: a new {@link Weak} to the same allocation. */
    public Weak<T> downgrade() {
        ArcInner<T> in = live();
        in.scheme().downgrade(in);
        return new Weak<>(in);
    }

    /**
     * {@code Arc::is_unique}: whether this is the only {@code Arc} and no {@link Weak} exists, decided with the
     * weak count locked so that no {@code Weak} can be upgraded in between.
     */
    public boolean isUnique() {
        ArcInner<T> in = live();
        return in.scheme().isUnique(in);
    }

    /**
     * {@code Arc::get_mut}: the value, for mutation, if this handle is unique ({@link #isUnique()}); otherwise
     * {@code null}. A returned value may be mutated without further synchronization until this handle is cloned,
     * downgraded or consumed.
     */
    public T getMut() {
        ArcInner<T> in = live();
        return in.scheme().isUnique(in) ? in.accessMutably() : null;
    }

    /**
     * {@code Arc::into_inner}: consumes this handle; returns the value if it was the last strong reference,
     * {@code null} otherwise. Called on every clone, exactly one call returns the value.
     */
    public T intoInner() {
        ArcInner<T> in = live();
        consumed = true;
        return in.scheme().intoInner(in);
    }

    /**
     * {@code Arc::try_unwrap}: if this is the only strong reference, consumes the handle and returns the value;
     * otherwise returns {@code null} and the handle stays usable. Beware, as in Rust: two holders that each call
     * {@code tryUnwrap} and drop on failure can both fail; use {@link #intoInner()} for exactly-once.
     */
    public T tryUnwrap() {
        ArcInner<T> in = live();
        T value = in.scheme().tryUnwrap(in);
        if (value != null) {
            consumed = true;
        }
        return value;
    }

    /** {@code Arc::strong_count}: a relaxed load of {@code strong}. */
    public int strongCount() {
        return live().strongOpaque();
    }

    /** {@code Arc::weak_count}: the number of {@link Weak}s (0 while {@code isUnique} holds the lock). */
    public int weakCount() {
        int cnt = live().weakOpaque();
        return cnt == ArcInner.LOCKED ? 0 : cnt - 1;
    }

    /** {@code Arc::ptr_eq}: whether both handles point to the same allocation. */
    public boolean ptrEq(Arc<?> other) {
        return live() == other.live();
    }

    /** Whether this handle was consumed (dropped, or its value taken). */
    public boolean isConsumed() {
        return consumed;
    }

    /** The scheme this handle's allocation runs. */
    public ArcScheme scheme() {
        return inner.scheme();
    }

    /** The allocation, for {@link Weak} and tests in this package. */
    ArcInner<T> inner() {
        return inner;
    }

    private ArcInner<T> live() {
        if (consumed) {
            throw new IllegalStateException("Arc handle on " + inner.label() + " used after it was dropped");
        }
        return inner;
    }

    @Override
    public String toString() {
        return "Arc(" + inner.label() + (consumed ? ", consumed)" : ")");
    }
}
