package org.refcheck.protocols.arc;

/**
 * Thrown where Rust's {@code Arc} calls {@code std::process::abort()}: a clone ({@link Arc#clone()},
 * {@link Weak#clone()}) saw a count above {@code MAX_REFCOUNT} after its increment. Follows the overflow check in
 * library/alloc/src/sync.rs.
 *
 * <p>In Rust the process dies on the spot, so the overflowed count is never observed again. In refcheck the error
 * stands for that abort: the counter is left incremented, and the test (or the checker) that catches it should treat
 * the execution as ended. It is an {@link Error}, not an exception, because no caller is meant to recover from it.
 */
public final class ArcAbortError extends Error {

    private static final long serialVersionUID = 1L;

    /** Creates the abort for the allocation with the given label. */
    public ArcAbortError(String allocation) {
        super("Arc counter overflow (abort) on " + allocation);
    }
}
