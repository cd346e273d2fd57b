package org.refcheck.protocols.refcount;

/**
 * A borrowed reference: Rust-for-Linux {@code ArcBorrow<'a, T>} (2021: {@code RefBorrow}).
 *
 * <p>Follows rust/kernel/sync/arc.rs. A borrow holds no count; it is valid while the
 * {@link Ref} it was borrowed from is held ("the existence of {@code b} guarantees that the refcount is
 * non-zero"), so {@link #toRef()} may use a plain {@code refcount_inc}. Rust checks that lifetime at compile time;
 * here using a borrow whose {@code Ref} was dropped throws {@link IllegalStateException}.
 *
 * <pre> {@code
 * RefBorrow<Payload> b = shared.borrow();
 * Ref<Payload> kept = b.toRef();   // refcount_inc, safe because `shared` is still held
 * }</pre>
 *
 * <p>Memory consistency effects: none beyond those of {@link Ref#clone()}.
 *
 * @param <T> the type of the value
 */
public final class RefBorrow<T> {

    private final Ref<T> source;

    RefBorrow(Ref<T> source) {
        this.source = source;
    }

    /** Reports an access to the allocation and returns the value. */
    public T get() {
        return source.get();
    }

    /** {@code From<ArcBorrow> for Arc}: {@code refcount_inc} and a new counted reference. */
    public Ref<T> toRef() {
        return source.clone();
    }

    /** The raw pointer of the borrowed value. */
    public RefInner<T> inner() {
        return source.inner();
    }
}
