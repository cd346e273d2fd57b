package org.refcheck.protocols.revocable;

import org.refcheck.protocols.rcu.RcuReadGuard;

/**
 * Access to the data of a {@link Revocable} inside an RCU read-side section: Rust-for-Linux
 * {@code RevocableGuard<'a, T>} ({@code data_ref} plus {@code _rcu_guard}) from rust/kernel/revocable.rs.
 *
 * <p>{@link #close()} ends the section; after it, the data may be dropped at any moment, so neither the guard nor
 * anything obtained through it may be used (catalogue bug B13 is doing so).
 *
 * <p>Memory consistency effects: those of the RCU read-side section it holds.
 *
 * @param <T> the type of the data
 */
public final class RevocableGuard<T> implements AutoCloseable {

    /*
     * Implementation notes. OPEN --close()--> CLOSED; get() on a closed guard throws, so a guard kept too long
     * fails loudly instead of reading data a revoke may have dropped.
     */

    private final Revocable<T> owner;
    private final RcuReadGuard section;

    RevocableGuard(Revocable<T> owner, RcuReadGuard section) {
        this.owner = owner;
        this.section = section;
    }

    /**
     * {@code Deref}: the data, touched now.
     *
     * @throws IllegalStateException if the guard was closed
     */
    public T get() {
        if (!section.isOpen()) {
            throw new IllegalStateException("RevocableGuard used after it was dropped");
        }
        return owner.access();
    }

    /** Drops the guard: ends the read-side section. */
    @Override
    public void close() {
        section.close();
    }
}
