package org.refcheck.sync;

import org.refcheck.backend.Backends;

/**
 * A shared {@code int} cell whose methods are the {@link java.lang.invoke.VarHandle} access modes.
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
 * SharedInt count = SharedInt.of("refcount", 1);
 * int old = count.getAndAddRelease(-1);   // release decrement
 * if (old == 1) {
 *     Fences.acquire();                   // order the free after every earlier use
 *     ...
 * }}</pre>
 */
public interface SharedInt {

    /** Creates a cell with the given label (shown in traces) and initial value, from the active back-end. */
    static SharedInt of(String label, int initial) {
        return Backends.active().newInt(label, initial);
    }

    /** The label this cell was created with. */
    String label();

    int getPlain();

    void setPlain(int value);

    int getOpaque();

    void setOpaque(int value);

    int getAcquire();

    void setRelease(int value);

    int getVolatile();

    void setVolatile(int value);

    boolean compareAndSet(int expected, int newValue);

    int compareAndExchange(int expected, int newValue);

    int compareAndExchangeAcquire(int expected, int newValue);

    int compareAndExchangeRelease(int expected, int newValue);

    boolean weakCompareAndSetPlain(int expected, int newValue);

    boolean weakCompareAndSet(int expected, int newValue);

    boolean weakCompareAndSetAcquire(int expected, int newValue);

    boolean weakCompareAndSetRelease(int expected, int newValue);

    int getAndAdd(int delta);

    int getAndAddAcquire(int delta);

    int getAndAddRelease(int delta);

    /**
     * {@link #getAndAdd(int)} for a caller whose behaviour depends only on which interval of {@code observed} the
     * old value falls in; the model checker may then commute it with other such adds (see {@link ValueClasses}).
     */
    default int getAndAdd(int delta, ValueClasses observed) {
        return getAndAdd(delta);
    }

    /** {@link #getAndAddAcquire(int)}, observing only the interval of the old value. */
    default int getAndAddAcquire(int delta, ValueClasses observed) {
        return getAndAddAcquire(delta);
    }

    /** {@link #getAndAddRelease(int)}, observing only the interval of the old value. */
    default int getAndAddRelease(int delta, ValueClasses observed) {
        return getAndAddRelease(delta);
    }

    int getAndSet(int value);

    int getAndSetAcquire(int value);

    int getAndSetRelease(int value);
}
