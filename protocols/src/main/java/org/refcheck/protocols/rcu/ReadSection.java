package org.refcheck.protocols.rcu;

/**
 * Proof of being inside a read-side critical section, of an {@link Rcu}, {@link QsbrRcu} or {@link Srcu} domain.
 *
 * <p>A pointer fetched with {@link RcuPointer#dereference(ReadSection)} is valid only while the section that fetched
 * it is open (Documentation/RCU/whatisRCU.rst: "the value returned by rcu_dereference() is valid only within the
 * enclosing RCU read-side critical section"). Closing the section ends that protection; it is the caller's duty not
 * to use the pointer afterwards (bug B13 of refcheck's catalogue is exactly that). A {@link QsbrRcu} reader is
 * protected for longer: while it is online, until its next quiescent state, which is where its protection ends
 * (X23).
 *
 * <p>Memory consistency effects: none of its own; see the domain that opened the section.
 */
public interface ReadSection extends AutoCloseable {

    /** Whether the section is still open (a snapshot of the owning thread's own state). */
    boolean isOpen();

    /** Ends the section (the outermost {@code rcu_read_unlock} / {@code srcu_read_unlock}). */
    @Override
    void close();
}
