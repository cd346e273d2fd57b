package org.refcheck.model.rt;

import org.refcheck.sync.SharedRef;

/** The model back-end's {@link SharedRef}: each access mode is a scheduling point on one {@link ModelCell}. */
@SuppressWarnings("unchecked")
final class ModelRef<V> implements SharedRef<V> {

    private final ModelCell cell;

    ModelRef(Execution execution, String label, V initial) {
        this.cell = new ModelCell(execution, label, initial, true);
    }

    @Override
    public String label() {
        return cell.label();
    }

    @Override
    public V getPlain() {
        return (V) cell.load("getPlain");
    }

    @Override
    public void setPlain(V value) {
        cell.store("setPlain", value);
    }

    @Override
    public V getOpaque() {
        return (V) cell.load("getOpaque");
    }

    @Override
    public void setOpaque(V value) {
        cell.store("setOpaque", value);
    }

    @Override
    public V getAcquire() {
        return (V) cell.load("getAcquire");
    }

    @Override
    public void setRelease(V value) {
        cell.store("setRelease", value);
    }

    @Override
    public V getVolatile() {
        return (V) cell.load("getVolatile");
    }

    @Override
    public void setVolatile(V value) {
        cell.store("setVolatile", value);
    }

    @Override
    public boolean compareAndSet(V expected, V newValue) {
        return cell.compareAndSet("compareAndSet", expected, newValue);
    }

    @Override
    public V compareAndExchange(V expected, V newValue) {
        return (V) cell.exchange("compareAndExchange", expected, newValue);
    }

    @Override
    public V compareAndExchangeAcquire(V expected, V newValue) {
        return (V) cell.exchange("compareAndExchangeAcquire", expected, newValue);
    }

    @Override
    public V compareAndExchangeRelease(V expected, V newValue) {
        return (V) cell.exchange("compareAndExchangeRelease", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetPlain(V expected, V newValue) {
        return cell.compareAndSet("weakCompareAndSetPlain", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSet(V expected, V newValue) {
        return cell.compareAndSet("weakCompareAndSet", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetAcquire(V expected, V newValue) {
        return cell.compareAndSet("weakCompareAndSetAcquire", expected, newValue);
    }

    @Override
    public boolean weakCompareAndSetRelease(V expected, V newValue) {
        return cell.compareAndSet("weakCompareAndSetRelease", expected, newValue);
    }

    @Override
    public V getAndSet(V value) {
        return (V) cell.update("getAndSet", old -> value);
    }

    @Override
    public V getAndSetAcquire(V value) {
        return (V) cell.update("getAndSetAcquire", old -> value);
    }

    @Override
    public V getAndSetRelease(V value) {
        return (V) cell.update("getAndSetRelease", old -> value);
    }

    @Override
    public String toString() {
        return cell.toString();
    }
}
