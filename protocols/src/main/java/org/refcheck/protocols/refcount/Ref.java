package org.refcheck.protocols.refcount;

import org.refcheck.lifetime.LifetimeTracker;

/**
 * A counted reference to a shared value: Rust-for-Linux {@code kernel::sync::Arc<T>}, the 2021 {@code Ref<T>}.
 *
 * <p>Follows rust/kernel/sync/arc.rs: backed by {@code refcount_t} (so the count saturates
 * instead of aborting), no weak references, no {@code get_mut}. {@link #create} allocates the value and its counter
 * together with a count of 1; {@link #clone()} is {@code refcount_inc}; {@link #drop()} is
 * {@code refcount_dec_and_test}, and the drop that reaches zero frees value and memory together.
 *
 * <p>A {@code Ref} object is one <em>handle</em>, owned by one thread at a time, like a Rust value: hand it to
 * another thread only through something that orders the hand-off. {@link #drop()} consumes the handle, and using
 * a consumed handle is an API misuse that throws {@link IllegalStateException} rather than corrupting the count.
 * {@link #close()} drops the reference if the handle still holds it, so try-with-resources gives Rust's scope-end
 * drop:
 *
 * <pre> {@code
 * try (Ref<Payload> shared = Ref.create(heap, new Payload())) {
 *     Ref<Payload> forWorker = shared.clone();       // count 2, moved to the worker
 *     worker.start(() -> { use(forWorker.get()); forWorker.drop(); });
 *     use(shared.get());
 * }                                                   // whichever drop reaches 0 frees
 * }</pre>
 *
 * <p>Memory consistency effects: {@link #clone()} is unordered (the caller already holds a reference); a drop is a
 * release decrement, and the drop that reaches zero acquires before freeing, so every access through every handle
 * happens-before the free. {@link #tryCloneFrom} is unordered: the caller's way of finding the inner orders it.
 *
 * @param <T> the type of the value
 */
public final class Ref<T> implements AutoCloseable {

    /*
     * Implementation notes. Handle states:  HELD --drop()/intoUniqueOrDrop()--> CONSUMED.
     * `consumed` is a plain field: a handle is a Rust value with one owner, never shared between threads without a
     * hand-off that orders it, so it is local state and not a shared cell. All shared state is in RefInner, whose
     * counter makes the allocation LIVE -> FREED on the last drop.
     */

    private final RefInner<T> inner;
    private boolean consumed;

    private Ref(RefInner<T> inner) {
        this.inner = inner;
    }

    /** {@code Arc::new}: allocates {@code value} with a full-width counter at 1 and returns the one reference. */
    public static <T> Ref<T> create(LifetimeTracker tracker, T value) {
        return create(tracker, value, Refcount.factory());
    }

    /** {@link #create(LifetimeTracker, Object)} with a counter from {@code counts} (a narrow width, a variant). */
    public static <T> Ref<T> create(LifetimeTracker tracker, T value, Refcount.Factory counts) {
        return adopt(new RefInner<>(tracker, value, counts));
    }

    /**
     * Wraps the initial reference (count 1) of a freshly created inner, for {@link RefInner} subclasses such as
     * mutants. Each inner can be adopted once.
     *
     * @throws IllegalStateException if {@code fresh} was adopted before
     */
    public static <T> Ref<T> adopt(RefInner<T> fresh) {
        fresh.adopt();
        return new Ref<>(fresh);
    }

    /**
     * Turns a raw pointer back into a counted reference: {@code refcount_inc_not_zero}. This is how a lookup
     * structure that keeps uncounted pointers hands out references, and it races with the last {@link #drop()}.
     *
     * @return a new reference, or {@code null} if the count was already zero (the value is being freed)
     */
    public static <T> Ref<T> tryCloneFrom(RefInner<T> raw) {
        return raw.refcount().incNotZero() ? new Ref<>(raw) : null;
    }

    /** Reports an access to the allocation and returns the value. */
    public T get() {
        checkHeld();
        return inner.value();
    }

    /** {@code Arc::clone}: {@code refcount_inc} and a new handle. */
    @Override
    public Ref<T> clone() {
        checkHeld();
        inner.refcount().inc();
        return new Ref<>(inner);
    }

    /** {@code Arc::as_arc_borrow}: a borrowed reference with no count, valid while this handle is held. */
    public RefBorrow<T> borrow() {
        checkHeld();
        return new RefBorrow<>(this);
    }

    /** {@code refcount_read} through this handle (reports an access to the allocation). */
    public int count() {
        checkHeld();
        return inner.refcount().read();
    }

    /** {@code Arc::as_ptr}: the raw pointer, no count taken; stays valid only while some reference exists. */
    public RefInner<T> inner() {
        return inner;
    }

    /** Whether this handle was consumed by {@link #drop()} or {@link #intoUniqueOrDrop()}. */
    public boolean isConsumed() {
        return consumed;
    }

    /**
     * {@code Drop for Arc}: drops this reference; the drop that brings the count to zero frees the allocation.
     *
     * @throws IllegalStateException if this handle was already consumed
     */
    public void drop() {
        consume();
        inner.dropReference();
    }

    /** Drops the reference if this handle still holds it; does nothing for a consumed (moved-from) handle. */
    @Override
    public void close() {
        if (!consumed) {
            drop();
        }
    }

    /**
     * {@code Arc::into_unique_or_drop}: {@code refcount_dec_and_test}; if that reached zero this was the only
     * reference, so the count is set back to 1 and the caller gets it as the unique reference. Never destroys the
     * value.
     *
     * @return the unique reference (count 1, no other handle exists), or {@code null} if other references remain
     *     (this one was dropped)
     */
    public Ref<T> intoUniqueOrDrop() {
        consume();
        if (inner.refcount().decAndTest()) {
            inner.refcount().set(1);   // exclusive access: REFCOUNT_INIT(1) written back
            return new Ref<>(inner);
        }
        return null;
    }

    private void checkHeld() {
        if (consumed) {
            throw new IllegalStateException(inner.allocation().label() + ": Ref handle used after it was dropped");
        }
    }

    private void consume() {
        checkHeld();
        consumed = true;
    }

    @Override
    public String toString() {
        return "Ref(" + inner + (consumed ? ", consumed)" : ")");
    }
}
