package org.refcheck.protocols.rcu;

/**
 * The close-exactly-once part of a read-side section guard, shared by {@link RcuReadGuard}, {@link QsbrReadGuard}
 * and {@link SrcuReadGuard}: closing twice would unbalance the domain's counts and let a grace period end under a
 * live reader (the failure mode of catalogue bug B20), so the second close throws instead.
 *
 * <p>Memory consistency effects: those of the subclass's unlock.
 */
abstract class SectionGuard implements ReadSection {

    /*
     * Implementation notes. OPEN --close()--> CLOSED. `closed` is a plain field: a guard is used by one thread at a
     * time, and handed over only through something that orders the hand-off.
     */

    private boolean closed;

    @Override
    public final boolean isOpen() {
        return !closed;
    }

    /**
     * Ends the section.
     *
     * @throws IllegalStateException if this guard was already closed
     */
    @Override
    public final void close() {
        if (closed) {
            throw new IllegalStateException("read-side section " + this + " closed twice");
        }
        closed = true;
        unlock();
    }

    /** The domain's unlock, run by the first {@link #close()}. */
    abstract void unlock();
}
