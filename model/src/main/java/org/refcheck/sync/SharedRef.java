package org.refcheck.sync;

import org.refcheck.backend.Backends;

/**
 * A shared reference cell whose methods are the {@link java.lang.invoke.VarHandle} access modes.
 *
 * <p>The reference counterpart of {@link SharedInt}: an RCU-protected pointer, a lookup-table slot, a chip pointer
 * that disconnect clears. Comparisons in {@code compareAndSet} and friends are by identity, as for a
 * {@code VarHandle} on a reference field.
 *
 * <p>Memory consistency effects: those of the named {@code VarHandle} access mode. Publishing an object through
 * {@link #setRelease} and reading it with {@link #getAcquire} makes every write made before the publication visible
 * to the reader ({@code rcu_assign_pointer} / {@code rcu_dereference}); a plain or opaque publication does not.
 *
 * @param <V> the type of the referenced objects
 */
public interface SharedRef<V> {

    /** Creates a cell with the given label (shown in traces) and initial value, from the active back-end. */
    static <V> SharedRef<V> of(String label, V initial) {
        return Backends.active().newRef(label, initial);
    }

    /** The label this cell was created with. */
    String label();

    V getPlain();

    void setPlain(V value);

    V getOpaque();

    void setOpaque(V value);

    V getAcquire();

    void setRelease(V value);

    V getVolatile();

    void setVolatile(V value);

    boolean compareAndSet(V expected, V newValue);

    V compareAndExchange(V expected, V newValue);

    V compareAndExchangeAcquire(V expected, V newValue);

    V compareAndExchangeRelease(V expected, V newValue);

    boolean weakCompareAndSetPlain(V expected, V newValue);

    boolean weakCompareAndSet(V expected, V newValue);

    boolean weakCompareAndSetAcquire(V expected, V newValue);

    boolean weakCompareAndSetRelease(V expected, V newValue);

    V getAndSet(V value);

    V getAndSetAcquire(V value);

    V getAndSetRelease(V value);
}
