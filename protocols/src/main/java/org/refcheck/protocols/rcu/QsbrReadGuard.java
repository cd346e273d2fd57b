package org.refcheck.protocols.rcu;

/**
 * One {@code rcu_read_lock()} of a {@link QsbrReader}; {@link #close()} is the matching {@code rcu_read_unlock()}.
 *
 * <p>Follows include/urcu/static/urcu-qsbr.h, where both are no-ops on shared memory. The guard is the proof of an
 * open section that {@link RcuPointer#dereference(ReadSection)} asks for; the protection of what it dereferenced
 * outlasts it, until the reader's next quiescent state or {@code offline()} ({@link QsbrRcu}). Guards nest; like
 * the reader, a guard is confined to its thread.
 *
 * <p>Memory consistency effects: none (see {@link QsbrReader#quiescentState()}).
 */
public final class QsbrReadGuard extends SectionGuard {

    private final QsbrReader reader;

    QsbrReadGuard(QsbrReader reader) {
        this.reader = reader;
    }

    /** The reader whose section this is. */
    public QsbrReader reader() {
        return reader;
    }

    /** {@code rcu_read_unlock()}: only the nesting depth changes. */
    @Override
    void unlock() {
        reader.readUnlock();
    }

    @Override
    public String toString() {
        return "rcu_read_lock of " + reader;
    }
}
