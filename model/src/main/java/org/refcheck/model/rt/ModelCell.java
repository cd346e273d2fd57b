package org.refcheck.model.rt;

import java.util.List;
import java.util.function.UnaryOperator;
import org.refcheck.model.memory.AccessMode;
import org.refcheck.model.memory.CellHistory;
import org.refcheck.model.memory.Store;
import org.refcheck.model.memory.WeakMemory;
import org.refcheck.sync.ValueClasses;

/**
 * The model back-end's storage for one shared cell. Every access is a scheduling point followed by an event; the
 * typed facade cells ({@link ModelInt}, {@link ModelLong}, {@link ModelRef}) adapt their access modes onto the four
 * primitive actions here. Under sequential consistency all access modes of one kind behave alike; the mode survives
 * as the event's method name. Under weak memory the cell keeps a {@link CellHistory}: an opaque or acquire load
 * may read an older store (each alternative a choice of the exploration), access modes decide happens-before, and
 * a plain access racing with a conflicting one fails the execution.
 */
final class ModelCell extends ModelObject {

    /*
     * Implementation notes. `value` is always the latest store in modification order (what sequential consistency
     * reads, and what the state cache and traces show). Under weak memory, `history` holds every store; a load
     * picks its store before it records its event (the value read is part of the event), and applies its
     * happens-before effects and race check after, once its step is on its thread's clock. A thread that spun since
     * its last store reads the latest store: a spin loop's first reads may be stale, never all of them forever.
     */

    private Object value;
    private final boolean identity;
    private final CellHistory history;

    /**
     * @param identity whether compare-and-set compares by identity (references) or by {@code equals} (boxed numbers)
     */
    ModelCell(Execution execution, String label, Object initial, boolean identity) {
        super(execution, label);
        this.value = initial;
        this.identity = identity;
        int creator = execution.currentThreadId();
        this.history = execution.memory() == null ? null
                : new CellHistory(initial, creator, execution.stepsOf(creator));
    }

    Object load(String method) {
        schedule(OpKind.READ, method);
        if (history == null) {
            Object v = value;
            record(OpKind.READ, method, v, null);
            return v;
        }
        WeakMemory memory = execution.memory();
        AccessMode mode = AccessMode.of(method);
        LogicalThread self = execution.currentThread();
        boolean weak = (mode == AccessMode.OPAQUE || mode == AccessMode.ACQUIRE) && !self.spunSinceStore;
        List<Store> candidates = history.visible(memory, self.id, weak ? memory.historyBound() : 1);
        Store s = candidates.get(candidates.size() > 1 ? execution.chooseRead(candidates.size()) : 0);
        Event e = execution.record(OpKind.READ, this, method, s.value(), null);
        raceCheck(memory, e, mode, false);
        history.loaded(memory, e, s, mode, mode.acquires());
        return s.value();
    }

    void store(String method, Object v) {
        schedule(OpKind.WRITE, method);
        value = v;
        Event e = execution.record(OpKind.WRITE, this, method, null, v);
        if (history != null) {
            AccessMode mode = AccessMode.of(method);
            raceCheck(execution.memory(), e, mode, true);
            history.stored(execution.memory(), e, v, mode);
        }
    }

    /** Compare-and-exchange: returns the witness value; the exchange happened iff it matches {@code expected}. */
    Object exchange(String method, Object expected, Object newValue) {
        schedule(OpKind.RMW, method);
        Object old = value;
        boolean success = matches(old, expected);
        if (success) {
            value = newValue;
        }
        Event e = execution.record(success ? OpKind.RMW : OpKind.READ, this, method, old, success ? newValue : null);
        atomicEffects(method, e, success, newValue);
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
        Event e = execution.record(OpKind.RMW, this, method, old, value);
        atomicEffects(method, e, true, value);
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
        Event e = execution.recordAddition(this, method, old, value, new Addition(before, delta, low, high));
        atomicEffects(method, e, true, value);
        return old;
    }

    /**
     * Weak memory: a read-modify-write, or a compare-and-set that failed, read the latest store (atomicity); it
     * acquires and releases as its mode says, and races only with plain accesses.
     */
    private void atomicEffects(String method, Event e, boolean wrote, Object written) {
        if (history == null) {
            return;
        }
        WeakMemory memory = execution.memory();
        AccessMode mode = AccessMode.of(method);
        AccessMode atomic = mode == AccessMode.PLAIN ? AccessMode.OPAQUE : mode;
        raceCheck(memory, e, atomic, wrote);
        if (wrote) {
            history.updated(memory, e, history.latest(), written, atomic);
        } else {
            history.loaded(memory, e, history.latest(), atomic, atomic.acquires());
        }
    }

    private void raceCheck(WeakMemory memory, Event e, AccessMode mode, boolean writes) {
        Event earlier = history.racing(memory, e.thread, mode, writes);
        if (earlier != null) {
            execution.dataRace(earlier, e, "data race on " + label);
        }
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
