package org.refcheck.model.rt;

import org.refcheck.sync.SharedInt;
import org.refcheck.sync.ValueClasses;

/** The model back-end's {@link SharedInt}: each access mode is a scheduling point on one {@link ModelCell}. */
final class ModelInt implements SharedInt {

    private final ModelCell cell;

    ModelInt(Execution execution, String label, int initial) {
        this.cell = new ModelCell(execution, label, initial, false);
    }

    @Override
    public String label() {
        return cell.label();
    }

    @Override
    public int getPlain() {
        return (int) cell.load("getPlain");
    }

    @Override
    public void setPlain(int value) {
        cell.store("setPlain", value);
    }

    @Override
    public int getOpaque() {
        return (int) cell.load("getOpaque");
    }

    @Override
    public void setOpaque(int value) {
        cell.store("setOpaque", value);
    }

    @Override
    public int getAcquire() {
        return (int) cell.load("getAcquire");
    }

    @Override
    public void setRelease(int value) {
        cell.store("setRelease", value);
    }

    @Override
    public int getVolatile() {
        return (int) cell.load("getVolatile");
    }

    @Override
    public void setVolatile(int value) {
        cell.store("setVolatile", value);
    }

    @Override
    public boolean compareAndSet(int expected, int newValue) {
        return cell.compareAndSet("compareAndSet", expected, newValue);
    }

    @Override
    public int compareAndExchange(int expected, int newValue) {
        return (int) cell.exchange("compareAndExchange", expected, newValue);
    }

    @Override
    public int compareAndExchangeAcquire(int expected, int newValue) {
        return (int) cell.exchange("compareAndExchangeAcquire", expected, newValue);
    }

    @Override
    public int compareAndExchangeRelease(int expected, int newValue) {
        return (int) cell.exchange("compareAndExchangeRelease", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetPlain(int expected, int newValue) {
        return cell.compareAndSet("weakCompareAndSetPlain", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSet(int expected, int newValue) {
        return cell.compareAndSet("weakCompareAndSet", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetAcquire(int expected, int newValue) {
        return cell.compareAndSet("weakCompareAndSetAcquire", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetRelease(int expected, int newValue) {
        return cell.compareAndSet("weakCompareAndSetRelease", expected, newValue);
    }

    @Override
    public int getAndAdd(int delta) {
        return (int) cell.update("getAndAdd", old -> (int) old + delta);
    }

    @Override
    public int getAndAddAcquire(int delta) {
        return (int) cell.update("getAndAddAcquire", old -> (int) old + delta);
    }

    @Override
    public int getAndAddRelease(int delta) {
        return (int) cell.update("getAndAddRelease", old -> (int) old + delta);
    }

    @Override
    public int getAndAdd(int delta, ValueClasses observed) {
        return (int) cell.add("getAndAdd", delta, observed);
    }

    @Override
    public int getAndAddAcquire(int delta, ValueClasses observed) {
        return (int) cell.add("getAndAddAcquire", delta, observed);
    }

    @Override
    public int getAndAddRelease(int delta, ValueClasses observed) {
        return (int) cell.add("getAndAddRelease", delta, observed);
    }

    @Override
    public int getAndSet(int value) {
        return (int) cell.update("getAndSet", old -> value);
    }

    @Override
    public int getAndSetAcquire(int value) {
        return (int) cell.update("getAndSetAcquire", old -> value);
    }

    @Override
    public int getAndSetRelease(int value) {
        return (int) cell.update("getAndSetRelease", old -> value);
    }

    @Override
    public String toString() {
        return cell.toString();
    }
}
