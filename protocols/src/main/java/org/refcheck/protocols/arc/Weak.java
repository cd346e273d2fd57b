package org.refcheck.protocols.arc;

/**
 * A weak handle, Rust std's {@code Weak<T>}: keeps the allocation of an {@link Arc} alive, not its value, and can be
 * {@linkplain #upgrade() upgraded} to an {@code Arc} while the value still lives.
 *
 * <p>Follows library/alloc/src/sync.rs ({@code Weak}, rust-lang/rust 00c5289c). {@link #newDangling()} is
 * {@code Weak::new()}: a handle to no allocation that never upgrades and touches no counter. Like {@link Arc}, a
 * handle is owned by one thread at a time and consumed by {@link #drop()}; using it afterwards throws
 * {@link IllegalStateException}.
 *
 * <pre> {@code
 * Weak<Payload> w = arc.downgrade();
 * try (Arc<Payload> again = w.upgrade()) {      // null once the last Arc is gone
 *     if (again != null) again.get().read();
 * }
 * w.drop();
 * }</pre>
 *
 * <p>Memory consistency effects: a successful {@link #upgrade()} acquires, so it happens-after the publication of
 * the value; actions before a {@code Weak} is dropped happen-before the allocation is freed.
 *
 * @param <T> the type of the value
 */
public final class Weak<T> implements Drop, AutoCloseable {

    /*
     * Implementation notes. inner == null is the dangling Weak (std's usize::MAX pointer). Handle states, as for
     * Arc: LIVE -> CONSUMED on drop(); `consumed` is a plain, handle-local field.
     */

    private final ArcInner<T> inner;
    private boolean consumed;

    Weak(ArcInner<T> inner) {
        this.inner = inner;
    }

    /** {@code Weak::new()}: a weak handle to nothing. */
    public static <T> Weak<T> newDangling() {
        return new Weak<>(null);
    }

    /**
     * {@code Weak::upgrade}: a new {@link Arc} if the value still lives, {@code null} otherwise. Never takes the
     * strong count from zero to one.
     */
    public Arc<T> upgrade() {
        ArcInner<T> in = live();
        if (in == null || !in.scheme().upgrade(in)) {
            return null;
        }
        return new Arc<>(in);
    }

    /** {@code Weak::clone}: a new weak handle; relaxed increment of {@code weak} (none for a dangling one). */
    @Override
    public Weak<T> clone() {
        ArcInner<T> in = live();
        if (in != null) {
            in.scheme().cloneWeak(in);
        }
        return new Weak<>(in);
    }

    /** {@code Drop for Weak}: gives up this handle; the last weak reference frees the allocation. */
    @Override
    public void drop() {
        ArcInner<T> in = live();
        consumed = true;
        if (in != null) {
            in.scheme().dropWeak(in);
        }
    }

    /** Same as {@link #drop()}, for try-with-resources. */
    @Override
    public void close() {
        drop();
    }

    /** {@code Weak::strong_count}: a relaxed load of {@code strong}; 0 for a dangling handle. */
    public int strongCount() {
        ArcInner<T> in = live();
        return in == null ? 0 : in.strongOpaque();
    }

    /**
     * {@code Weak::weak_count}: the number of {@code Weak}s, or 0 when no strong reference remains (std: "can be
     * off by 1 in either direction" under races). 0 for a dangling handle.
     */
    public int weakCount() {
        ArcInner<T> in = live();
        if (in == null) {
            return 0;
        }
        int weak = in.weakAcquire();
        int strong = in.strongOpaque();
        return strong == 0 ? 0 : weak - 1;
    }

    /** {@code Weak::ptr_eq}: whether both point to the same allocation (all dangling handles are equal). */
    public boolean ptrEq(Weak<?> other) {
        return live() == other.live();
    }

    /** Whether this handle points to the allocation of {@code arc}. */
    public boolean ptrEq(Arc<?> arc) {
        return live() == arc.inner();
    }

    /** Whether this handle was dropped. */
    public boolean isConsumed() {
        return consumed;
    }

    /** Whether this handle points to the allocation holding {@code value}, by identity, touching no counter. */
    boolean holdsValue(Object value) {
        ArcInner<T> in = live();
        return in != null && in.holds(value);
    }

    /** The allocation ({@code null} if dangling), for tests in this package. */
    ArcInner<T> inner() {
        return inner;
    }

    private ArcInner<T> live() {
        if (consumed) {
            throw new IllegalStateException("Weak handle" + (inner == null ? "" : " on " + inner.label())
                    + " used after it was dropped");
        }
        return inner;
    }

    @Override
    public String toString() {
        return "Weak(" + (inner == null ? "dangling" : inner.label()) + (consumed ? ", consumed)" : ")");
    }
}
