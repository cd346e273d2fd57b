package org.refcheck.sync;

import org.refcheck.backend.Backends;

/**
 * A shared {@code long} cell whose methods are the {@link java.lang.invoke.VarHandle} access modes.
 *
 * <p>Protocol code in refcheck never touches a {@code VarHandle}, {@code java.util.concurrent.atomic} or
 * {@code synchronized} directly: every shared word it reads or writes is a cell of this facade, so that the same
 * protocol source runs on real hardware (jcstress, Lincheck, production) and under refcheck's model checker, whose
 * back-end turns each access into a scheduling point.
 *
 * <p>Each method has exactly the semantics of the {@code VarHandle} method of the same name. Pair a mutating mode
 * with the matching reading mode (release with acquire, opaque with opaque, volatile with volatile); a deliberate
 * mismatch in protocol code is documented where it happens.
 *
 * <p>Memory consistency effects: those of the named {@code VarHandle} access mode, as specified by the Java memory
 * model, and nothing more. Plain accesses ({@link #getPlain}, {@link #setPlain}, {@link #weakCompareAndSetPlain})
 * create no happens-before edges.
 *
 * <pre> {@code
 * SharedLong count = SharedLong.of("sequence", 0L);
 * long old = count.getAndAddRelease(-1L);  // release decrement
 * if (old == 1L) {
 *     Fences.acquire();                   // order the free after every earlier use
 *     ...
 * }}</pre>
 */
public interface SharedLong {

    /** Creates a cell with the given label (shown in traces) and initial value, from the active back-end. */
    static SharedLong of(String label, long initial) {
        return Backends.active().newLong(label, initial);
    }

    /** The label this cell was created with. */
    String label();

    long getPlain();

    void setPlain(long value);

    long getOpaque();

    void setOpaque(long value);

    long getAcquire();

    void setRelease(long value);

    long getVolatile();

    void setVolatile(long value);

    boolean compareAndSet(long expected, long newValue);

    long compareAndExchange(long expected, long newValue);

    long compareAndExchangeAcquire(long expected, long newValue);

    long compareAndExchangeRelease(long expected, long newValue);

    boolean weakCompareAndSetPlain(long expected, long newValue);

    boolean weakCompareAndSet(long expected, long newValue);

    boolean weakCompareAndSetAcquire(long expected, long newValue);

    boolean weakCompareAndSetRelease(long expected, long newValue);

    long getAndAdd(long delta);

    long getAndAddAcquire(long delta);

    long getAndAddRelease(long delta);

    /**
     * {@link #getAndAdd(long)} for a caller whose behaviour depends only on which interval of {@code observed} the
     * old value falls in; the model checker may then commute it with other such adds (see {@link ValueClasses}).
     */
    default long getAndAdd(long delta, ValueClasses observed) {
        return getAndAdd(delta);
    }

    /** {@link #getAndAddAcquire(long)}, observing only the interval of the old value. */
    default long getAndAddAcquire(long delta, ValueClasses observed) {
        return getAndAddAcquire(delta);
    }

    /** {@link #getAndAddRelease(long)}, observing only the interval of the old value. */
    default long getAndAddRelease(long delta, ValueClasses observed) {
        return getAndAddRelease(delta);
    }

    long getAndSet(long value);

    long getAndSetAcquire(long value);

    long getAndSetRelease(long value);
}
