package org.refcheck.model.rt;

import org.refcheck.sync.SharedLong;
import org.refcheck.sync.ValueClasses;

/** The model back-end's {@link SharedLong}: each access mode is a scheduling point on one {@link ModelCell}. */
final class ModelLong implements SharedLong {

    private final ModelCell cell;

    ModelLong(Execution execution, String label, long initial) {
        this.cell = new ModelCell(execution, label, initial, false);
    }

    @Override
    public String label() {
        return cell.label();
    }

    @Override
    public long getPlain() {
        return (long) cell.load("getPlain");
    }

    @Override
    public void setPlain(long value) {
        cell.store("setPlain", value);
    }

    @Override
    public long getOpaque() {
        return (long) cell.load("getOpaque");
    }

    @Override
    public void setOpaque(long value) {
        cell.store("setOpaque", value);
    }

    @Override
    public long getAcquire() {
        return (long) cell.load("getAcquire");
    }

    @Override
    public void setRelease(long value) {
        cell.store("setRelease", value);
    }

    @Override
    public long getVolatile() {
        return (long) cell.load("getVolatile");
    }

    @Override
    public void setVolatile(long value) {
        cell.store("setVolatile", value);
    }

    @Override
    public boolean compareAndSet(long expected, long newValue) {
        return cell.compareAndSet("compareAndSet", expected, newValue);
    }

    @Override
    public long compareAndExchange(long expected, long newValue) {
        return (long) cell.exchange("compareAndExchange", expected, newValue);
    }

    @Override
    public long compareAndExchangeAcquire(long expected, long newValue) {
        return (long) cell.exchange("compareAndExchangeAcquire", expected, newValue);
    }

    @Override
    public long compareAndExchangeRelease(long expected, long newValue) {
        return (long) cell.exchange("compareAndExchangeRelease", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetPlain(long expected, long newValue) {
        return cell.compareAndSet("weakCompareAndSetPlain", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSet(long expected, long newValue) {
        return cell.compareAndSet("weakCompareAndSet", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetAcquire(long expected, long newValue) {
        return cell.compareAndSet("weakCompareAndSetAcquire", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetRelease(long expected, long newValue) {
        return cell.compareAndSet("weakCompareAndSetRelease", expected, newValue);
    }

    @Override
    public long getAndAdd(long delta) {
        return (long) cell.update("getAndAdd", old -> (long) old + delta);
    }

    @Override
    public long getAndAddAcquire(long delta) {
        return (long) cell.update("getAndAddAcquire", old -> (long) old + delta);
    }

    @Override
    public long getAndAddRelease(long delta) {
        return (long) cell.update("getAndAddRelease", old -> (long) old + delta);
    }

    @Override
    public long getAndAdd(long delta, ValueClasses observed) {
        return (long) cell.add("getAndAdd", delta, observed);
    }

    @Override
    public long getAndAddAcquire(long delta, ValueClasses observed) {
        return (long) cell.add("getAndAddAcquire", delta, observed);
    }

    @Override
    public long getAndAddRelease(long delta, ValueClasses observed) {
        return (long) cell.add("getAndAddRelease", delta, observed);
    }

    @Override
    public long getAndSet(long value) {
        return (long) cell.update("getAndSet", old -> value);
    }

    @Override
    public long getAndSetAcquire(long value) {
        return (long) cell.update("getAndSetAcquire", old -> value);
    }

    @Override
    public long getAndSetRelease(long value) {
        return (long) cell.update("getAndSetRelease", old -> value);
    }

    @Override
    public String toString() {
        return cell.toString();
    }
}
