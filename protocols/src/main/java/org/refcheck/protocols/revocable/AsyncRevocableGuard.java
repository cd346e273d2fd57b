package org.refcheck.protocols.revocable;

/**
 * One counted user of an {@link AsyncRevocable}: {@code AsyncRevocableGuard} of the 2021 Rust-for-Linux
 * rust/kernel/revocable.rs. {@link #close()} ends the use; the last user of revoked data drops it.
 *
 * <p>Memory consistency effects: accesses through the guard happen-before the data's drop (see
 * {@link AsyncRevocable}).
 *
 * @param <T> the type of the data
 */
public final class AsyncRevocableGuard<T> implements AutoCloseable {

    /*
     * Implementation notes. OPEN --close()--> CLOSED; a second close would decrement someone else's use, so it throws.
     * `closed` is plain: a guard has one owner at a time.
     */

    private final AsyncRevocable<T> owner;
    private boolean closed;

    AsyncRevocableGuard(AsyncRevocable<T> owner) {
        this.owner = owner;
    }

    /**
     * The data, touched now.
     *
     * @throws IllegalStateException if the guard was closed
     */
    public T get() {
        if (closed) {
            throw new IllegalStateException("AsyncRevocableGuard used after it was dropped");
        }
        return owner.access();
    }

    /**
     * Ends this use.
     *
     * @throws IllegalStateException if already closed
     */
    @Override
    public void close() {
        if (closed) {
            throw new IllegalStateException("AsyncRevocableGuard dropped twice");
        }
        closed = true;
        owner.release();
    }
}
