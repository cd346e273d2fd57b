package org.refcheck.backend.production;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.refcheck.sync.SharedLong;

/** A {@link SharedLong} backed by a field and its {@code VarHandle}; each method is the access mode it is named after. */
final class VarHandleLong implements SharedLong {

    private final String label;
    @SuppressWarnings("unused") // accessed through VALUE
    private volatile long value;

    VarHandleLong(String label, long initial) {
        this.label = label;
        VALUE.set(this, initial);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public long getPlain() {
        return (long) VALUE.get(this);
    }

    @Override
    public void setPlain(long v) {
        VALUE.set(this, v);
    }

    @Override
    public long getOpaque() {
        return (long) VALUE.getOpaque(this);
    }

    @Override
    public void setOpaque(long v) {
        VALUE.setOpaque(this, v);
    }

    @Override
    public long getAcquire() {
        return (long) VALUE.getAcquire(this);
    }

    @Override
    public void setRelease(long v) {
        VALUE.setRelease(this, v);
    }

    @Override
    public long getVolatile() {
        return (long) VALUE.getVolatile(this);
    }

    @Override
    public void setVolatile(long v) {
        VALUE.setVolatile(this, v);
    }

    @Override
    public boolean compareAndSet(long expected, long newValue) {
        return VALUE.compareAndSet(this, expected, newValue);
    }

    @Override
    public long compareAndExchange(long expected, long newValue) {
        return (long) VALUE.compareAndExchange(this, expected, newValue);
    }

    @Override
    public long compareAndExchangeAcquire(long expected, long newValue) {
        return (long) VALUE.compareAndExchangeAcquire(this, expected, newValue);
    }

    @Override
    public long compareAndExchangeRelease(long expected, long newValue) {
        return (long) VALUE.compareAndExchangeRelease(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetPlain(long expected, long newValue) {
        return VALUE.weakCompareAndSetPlain(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSet(long expected, long newValue) {
        return VALUE.weakCompareAndSet(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetAcquire(long expected, long newValue) {
        return VALUE.weakCompareAndSetAcquire(this, expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetRelease(long expected, long newValue) {
        return VALUE.weakCompareAndSetRelease(this, expected, newValue);
    }

    @Override
    public long getAndAdd(long delta) {
        return (long) VALUE.getAndAdd(this, delta);
    }

    @Override
    public long getAndAddAcquire(long delta) {
        return (long) VALUE.getAndAddAcquire(this, delta);
    }

    @Override
    public long getAndAddRelease(long delta) {
        return (long) VALUE.getAndAddRelease(this, delta);
    }

    @Override
    public long getAndSet(long v) {
        return (long) VALUE.getAndSet(this, v);
    }

    @Override
    public long getAndSetAcquire(long v) {
        return (long) VALUE.getAndSetAcquire(this, v);
    }

    @Override
    public long getAndSetRelease(long v) {
        return (long) VALUE.getAndSetRelease(this, v);
    }

    @Override
    public String toString() {
        return label + "=" + getOpaque();
    }

    // VarHandle mechanics
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(VarHandleLong.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
