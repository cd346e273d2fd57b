package org.refcheck.backend.production;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.refcheck.sync.SharedRef;

/** A {@link SharedRef} backed by a field and its {@code VarHandle}; each method is the access mode it is named after. */
@SuppressWarnings("unchecked")
final class VarHandleRef<V> implements SharedRef<V> {

    private final String label;
    @SuppressWarnings("unused") // accessed through VALUE
    private volatile Object value;

    VarHandleRef(String label, V initial) {
        this.label = label;
        VALUE.set(this, initial);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public V getPlain() {
        return (V) VALUE.get(this);
    }

    @Override
    public void setPlain(V v) {
        VALUE.set(this, v);
    }

    @Override
    public V getOpaque() {
        return (V) VALUE.getOpaque(this);
    }

    @Override
    public void setOpaque(V v) {
        VALUE.setOpaque(this, v);
    }

    @Override
    public V getAcquire() {
        return (V) VALUE.getAcquire(this);
    }

    @Override
    public void setRelease(V v) {
        VALUE.setRelease(this, v);
    }

    @Override
    public V getVolatile() {
        return (V) VALUE.getVolatile(this);
    }

    @Override
    public void setVolatile(V v) {
        VALUE.setVolatile(this, v);
    }

    @Override
    public boolean compareAndSet(V expected, V newValue) {
        return VALUE.compareAndSet(this, expected, newValue);
    }

    @Override
    public V compareAndExchange(V expected, V newValue) {
        return (V) VALUE.compareAndExchange(this, expected, newValue);
    }

    @Override
    public V compareAndExchangeAcquire(V expected, V newValue) {
        return (V) VALUE.compareAndExchangeAcquire(this, expected, newValue);
    }

    @Override
    public V compareAndExchangeRelease(V expected, V newValue) {
        return (V) VALUE.compareAndExchangeRelease(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetPlain(V expected, V newValue) {
        return VALUE.weakCompareAndSetPlain(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSet(V expected, V newValue) {
        return VALUE.weakCompareAndSet(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetAcquire(V expected, V newValue) {
        return VALUE.weakCompareAndSetAcquire(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetRelease(V expected, V newValue) {
        return VALUE.weakCompareAndSetRelease(this, expected, newValue);
    }



    @Override
    public V getAndSet(V v) {
        return (V) VALUE.getAndSet(this, v);
    }

    @Override
    public V getAndSetAcquire(V v) {
        return (V) VALUE.getAndSetAcquire(this, v);
    }

    @Override
    public V getAndSetRelease(V v) {
        return (V) VALUE.getAndSetRelease(this, v);
    }

    @Override
    public String toString() {
        return label + "=" + getOpaque();
    }

    // VarHandle mechanics
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(VarHandleRef.class, "value", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
