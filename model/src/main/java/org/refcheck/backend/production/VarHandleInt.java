package org.refcheck.backend.production;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.refcheck.sync.SharedInt;

/** A {@link SharedInt} backed by a field and its {@code VarHandle}; each method is the access mode it is named after. */
final class VarHandleInt implements SharedInt {

    private final String label;
    @SuppressWarnings("unused") // accessed through VALUE
    private volatile int value;

    VarHandleInt(String label, int initial) {
        this.label = label;
        VALUE.set(this, initial);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int getPlain() {
        return (int) VALUE.get(this);
    }

    @Override
    public void setPlain(int v) {
        VALUE.set(this, v);
    }

    @Override
    public int getOpaque() {
        return (int) VALUE.getOpaque(this);
    }

    @Override
    public void setOpaque(int v) {
        VALUE.setOpaque(this, v);
    }

    @Override
    public int getAcquire() {
        return (int) VALUE.getAcquire(this);
    }

    @Override
    public void setRelease(int v) {
        VALUE.setRelease(this, v);
    }

    @Override
    public int getVolatile() {
        return (int) VALUE.getVolatile(this);
    }

    @Override
    public void setVolatile(int v) {
        VALUE.setVolatile(this, v);
    }

    @Override
    public boolean compareAndSet(int expected, int newValue) {
        return VALUE.compareAndSet(this, expected, newValue);
    }

    @Override
    public int compareAndExchange(int expected, int newValue) {
        return (int) VALUE.compareAndExchange(this, expected, newValue);
    }

    @Override
    public int compareAndExchangeAcquire(int expected, int newValue) {
        return (int) VALUE.compareAndExchangeAcquire(this, expected, newValue);
    }

    @Override
    public int compareAndExchangeRelease(int expected, int newValue) {
        return (int) VALUE.compareAndExchangeRelease(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetPlain(int expected, int newValue) {
        return VALUE.weakCompareAndSetPlain(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSet(int expected, int newValue) {
        return VALUE.weakCompareAndSet(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetAcquire(int expected, int newValue) {
        return VALUE.weakCompareAndSetAcquire(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetRelease(int expected, int newValue) {
        return VALUE.weakCompareAndSetRelease(this, expected, newValue);
    }

    @Override
    public int getAndAdd(int delta) {
        return (int) VALUE.getAndAdd(this, delta);
    }

    @Override
    public int getAndAddAcquire(int delta) {
        return (int) VALUE.getAndAddAcquire(this, delta);
    }

    @Override
    public int getAndAddRelease(int delta) {
        return (int) VALUE.getAndAddRelease(this, delta);
    }

    @Override
    public int getAndSet(int v) {
        return (int) VALUE.getAndSet(this, v);
    }

    @Override
    public int getAndSetAcquire(int v) {
        return (int) VALUE.getAndSetAcquire(this, v);
    }

    @Override
    public int getAndSetRelease(int v) {
        return (int) VALUE.getAndSetRelease(this, v);
    }

    @Override
    public String toString() {
        return label + "=" + getOpaque();
    }

    // VarHandle mechanics
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(VarHandleInt.class, "value", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
