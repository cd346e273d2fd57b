package org.refcheck.protocols.rcu;

/**
 * One {@code srcu_read_lock()} of an {@link Srcu} domain, holding the index it returned; {@link #close()} is
 * {@code srcu_read_unlock()} with that index.
 *
 * <p>Follows kernel/rcu/srcutree.c and include/linux/srcu.h ({@code guard(srcu)}, {@code scoped_guard}). Unlike an
 * RCU reader, an SRCU section may block, and it may be closed by another thread than the one that opened it (the
 * kernel counts unlocks per CPU and only sums matter), as long as it is closed exactly once with its own index.
 *
 * <p>Memory consistency effects: those of {@link Srcu#readLock()} and of the unlock's full fence.
 */
public final class SrcuReadGuard extends SectionGuard {

    private final Srcu domain;
    private final int index;

    SrcuReadGuard(Srcu domain, int index) {
        this.domain = domain;
        this.index = index;
    }

    /** The index this section counted on ({@code 0} or {@code 1}). */
    public int index() {
        return index;
    }

    /** {@code srcu_read_unlock(ssp, idx)} with this section's index. */
    @Override
    void unlock() {
        domain.readUnlock(index);
    }

    @Override
    public String toString() {
        return "srcu_read_lock of " + domain + " on index " + index;
    }
}
