package org.refcheck.protocols.rcu;

/**
 * One {@code rcu_read_lock()} of an {@link RcuReader}; {@link #close()} is the matching {@code rcu_read_unlock()}.
 *
 * <p>Follows the read side of liburcu's include/urcu/static/urcu-common.h, as a try-with-resources scope:
 *
 * <pre> {@code
 * try (RcuReadGuard section = reader.readLock()) {
 *     Config c = config.dereference(section);
 *     use(c);                                    // c is protected until the section closes
 * }}</pre>
 *
 * <p>Guards nest: an inner guard only changes the nesting depth, and the read-side section ends when the outermost
 * one closes. Like the reader it belongs to, a guard is confined to its thread.
 *
 * <p>Memory consistency effects: those of {@link RcuReader#readLock()} and of the unlock described there.
 */
public final class RcuReadGuard extends SectionGuard {

    private final RcuReader reader;

    RcuReadGuard(RcuReader reader) {
        this.reader = reader;
    }

    /** The reader whose section this is. */
    public RcuReader reader() {
        return reader;
    }

    /** {@code rcu_read_unlock()}. */
    @Override
    void unlock() {
        reader.readUnlock();
    }

    @Override
    public String toString() {
        return "rcu_read_lock of " + reader;
    }
}
