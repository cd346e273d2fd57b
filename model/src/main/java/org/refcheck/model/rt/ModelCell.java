package org.refcheck.model.rt;

import java.util.function.UnaryOperator;
import org.refcheck.sync.ValueClasses;

/**
 * The model back-end's storage for one shared cell. Every access is a scheduling point followed by an event; the
 * typed facade cells ({@link ModelInt}, {@link ModelLong}, {@link ModelRef}) adapt their access modes onto the four
 * primitive actions here. Under sequential consistency all access modes of one kind behave alike; the mode survives
 * as the event's method name.
 */
final class ModelCell extends ModelObject {

    private Object value;
    private final boolean identity;

    /**
     * @param identity whether compare-and-set compares by identity (references) or by {@code equals} (boxed numbers)
     */
    ModelCell(Execution execution, String label, Object initial, boolean identity) {
        super(execution, label);
        this.value = initial;
        this.identity = identity;
    }

    Object load(String method) {
        schedule(OpKind.READ, method);
        Object v = value;
        record(OpKind.READ, method, v, null);
        return v;
    }

    void store(String method, Object v) {
        schedule(OpKind.WRITE, method);
        value = v;
        record(OpKind.WRITE, method, null, v);
    }

    /** Compare-and-exchange: returns the witness value; the exchange happened iff it matches {@code expected}. */
    Object exchange(String method, Object expected, Object newValue) {
        schedule(OpKind.RMW, method);
        Object old = value;
        boolean success = matches(old, expected);
        if (success) {
            value = newValue;
        }
        record(success ? OpKind.RMW : OpKind.READ, method, old, success ? newValue : null);
        return old;
    }

    boolean compareAndSet(String method, Object expected, Object newValue) {
        return matches(exchange(method, expected, newValue), expected);
    }

    /** Read-modify-write: stores {@code f(old)} and returns {@code old}. */
    Object update(String method, UnaryOperator<Object> f) {
        schedule(OpKind.RMW, method);
        Object old = value;
        value = f.apply(old);
        record(OpKind.RMW, method, old, value);
        return old;
    }

    /**
     * An add whose caller observes only the interval of {@code observed} that holds the old value: stores
     * {@code old + delta} (wrapping as {@code int} or {@code long}, as the cell is) and returns {@code old}.
     */
    Object add(String method, long delta, ValueClasses observed) {
        schedule(OpKind.RMW, method);
        Object old = value;
        long before = ((Number) old).longValue();
        long low = observed.lowestOfClass(before);
        long high = observed.highestOfClass(before);
        if (old instanceof Integer) {
            value = (int) before + (int) delta;
            low = Math.max(low, Integer.MIN_VALUE);
            high = Math.min(high, Integer.MAX_VALUE);
        } else {
            value = before + delta;
        }
        execution.recordAddition(this, method, old, value, new Addition(before, delta, low, high));
        return old;
    }

    @Override
    Object stateValue() {
        return value;
    }

    /** The value without a scheduling point, for traces and end-of-execution checks. */
    Object peek() {
        return value;
    }

    private boolean matches(Object actual, Object expected) {
        return identity ? actual == expected : java.util.Objects.equals(actual, expected);
    }

    @Override
    public String toString() {
        return label + "=" + value;
    }
}
