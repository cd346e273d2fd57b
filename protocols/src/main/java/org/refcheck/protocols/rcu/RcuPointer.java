package org.refcheck.protocols.rcu;

import java.util.Objects;
import org.refcheck.sync.SharedRef;

/**
 * An RCU-protected pointer: {@code rcu_assign_pointer} publishes with a release store, {@code rcu_dereference}
 * fetches with an acquire load inside a read-side section.
 *
 * <p>Follows Documentation/RCU/whatisRCU.rst (rcu_assign_pointer, rcu_dereference, rcu_access_pointer,
 * rcu_replace_pointer) and liburcu's include/urcu/static/pointer.h. It protects readers from an updater, not
 * updaters from each other: concurrent updaters either serialize with a lock of their own or use {@link #replace},
 * which is one atomic exchange.
 *
 * <pre> {@code
 * Node fresh = new Node(...);                      // initialise first
 * Node old = head.replace(fresh);                  // then publish
 * rcu.synchronize();                               // wait for readers that may hold `old`
 * free(old);
 * }</pre>
 *
 * <p>Memory consistency effects: actions before {@link #assign} or {@link #replace} of a value happen-before the
 * accesses that follow a {@link #dereference} returning that value. {@link #access()} orders nothing.
 *
 * @param <T> the type of the referenced objects
 */
public class RcuPointer<T> {

    /*
     * Implementation notes. One reference cell. Java has no consume ordering, so rcu_dereference is getAcquire
     * (protocols.md section 0.1); rcu_assign_pointer is setRelease; rcu_replace_pointer is getAndSet, whose volatile
     * write is at least a release. dereference() checks that the caller presents an open read-side section: that
     * catches a dereference outside any section, but not a pointer kept past its section (B13), which is the
     * caller's bug and what the lifetime oracles see.
     */

    private final SharedRef<T> cell;

    /** A pointer with the given label (shown in traces) and initial value ({@code null} allowed). */
    public RcuPointer(String label, T initial) {
        this.cell = SharedRef.of(Objects.requireNonNull(label, "label"), initial);
    }

    /** {@code rcu_assign_pointer(p, value)}: publishes {@code value}, initialised before this call. */
    public void assign(T value) {
        cell.setRelease(value);
    }

    /** The cell behind the pointer, for mutants that publish it another way. */
    protected final SharedRef<T> cell() {
        return cell;
    }

    /**
     * {@code rcu_replace_pointer}: publishes {@code value} and returns the value it replaces, which the caller
     * frees only after a grace period.
     */
    public T replace(T value) {
        return cell.getAndSet(value);
    }

    /**
     * {@code rcu_dereference(p)}: the current value, valid until {@code section} closes.
     *
     * @throws IllegalStateException if {@code section} is already closed
     */
    public T dereference(ReadSection section) {
        if (!section.isOpen()) {
            throw new IllegalStateException("rcu_dereference outside a read-side section");
        }
        return cell.getAcquire();
    }

    /** {@code rcu_access_pointer(p)}: the current value, to compare or to free after a grace period, not to use. */
    public T access() {
        return cell.getOpaque();
    }

    @Override
    public String toString() {
        return cell.label();
    }
}
