package org.refcheck.protocols.arc;

/**
 * A value with a destructor, Rust's {@code Drop} trait: {@link Arc} calls {@link #drop()} on its value exactly once,
 * when the last strong reference goes away. Follows library/core/src/ops/drop.rs and {@code drop_slow} in
 * library/alloc/src/sync.rs.
 *
 * <p>{@link Arc} and {@link Weak} implement it themselves, so an {@code Arc<Arc<T>>} drops its inner {@code Arc} when
 * the outer one dies, as in Rust. A value that removes itself from a {@link WeakRegistry} implements it to call
 * {@link WeakRegistry#evict}.
 *
 * <pre> {@code
 * final class Inode implements Drop {
 *     public void drop() { cache.evict(number, this); }
 * }}</pre>
 */
@FunctionalInterface
public interface Drop {

    /** Runs the destructor. */
    void drop();
}
