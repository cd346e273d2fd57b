package org.refcheck.model.memory;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.model.rt.Event;

/**
 * The weak-memory view of one shared cell: its stores in modification order (the order the schedule ran them)
 * and its loads, from which it decides which stores a load may read and which accesses race.
 *
 * <p>A load may read a store unless coherence hides it: a store is hidden from a thread once a later store to the
 * same cell, or a load that read a later store, happens before the thread's load. Of the stores left, a weak load
 * (opaque or acquire) may choose among the latest {@link WeakMemory#historyBound()}; plain and volatile loads,
 * and read-modify-writes, read the latest store. Two accesses race when they conflict (one writes), belong to
 * different threads, are not ordered by happens-before, and at least one is plain.
 */
public final class CellHistory {

    /*
     * Implementation notes. Both lists only grow, in the order events ran; a store's index is its position in
     * `stores`. The lower bound of a load is the highest store index among the stores and loads of the cell that
     * happen before it, so candidates are the stores from there to the end: never empty (the latest store is always
     * a candidate), latest first, so that choice 0 is what sequential consistency would read.
     */

    /** One load: who read which store, in which mode. */
    private record Load(int thread, int step, int storeIndex, AccessMode mode, Event event) {
    }

    private final List<Store> stores = new ArrayList<>();
    private final List<Load> loads = new ArrayList<>();

    /** A cell holding {@code initial}, written by {@code thread} before its next event. */
    public CellHistory(Object initial, int thread, int step) {
        stores.add(new Store(initial, 0, thread, step, AccessMode.PLAIN, null, null));
    }

    /** The latest store in modification order. */
    public Store latest() {
        return stores.get(stores.size() - 1);
    }

    /**
     * The stores a load by {@code thread} may read, latest first, at most {@code bound} of them.
     *
     * @param bound 1 for a load that must read the latest store
     */
    public List<Store> visible(WeakMemory memory, int thread, int bound) {
        int lower = 0;
        for (Store s : stores) {
            if (s.index() > lower && memory.sees(thread, s.thread(), s.step())) {
                lower = s.index();
            }
        }
        for (Load l : loads) {
            if (l.storeIndex() > lower && memory.sees(thread, l.thread(), l.step())) {
                lower = l.storeIndex();
            }
        }
        List<Store> out = new ArrayList<>();
        for (int i = stores.size() - 1; i >= lower && out.size() < bound; i--) {
            out.add(stores.get(i));
        }
        return out;
    }

    /**
     * The latest earlier access that an access by {@code thread} in {@code mode} races with, or {@code null}.
     *
     * @param writes whether the access writes the cell
     */
    public Event racing(WeakMemory memory, int thread, AccessMode mode, boolean writes) {
        for (int i = stores.size() - 1; i > 0; i--) {
            Store s = stores.get(i);
            if (races(memory, thread, mode, s.thread(), s.step(), s.mode())) {
                return s.event();
            }
        }
        if (writes) {
            for (int i = loads.size() - 1; i >= 0; i--) {
                Load l = loads.get(i);
                if (races(memory, thread, mode, l.thread(), l.step(), l.mode())) {
                    return l.event();
                }
            }
        }
        return null;
    }

    private static boolean races(WeakMemory memory, int thread, AccessMode mode, int other, int step,
            AccessMode otherMode) {
        return other != thread && (mode == AccessMode.PLAIN || otherMode == AccessMode.PLAIN)
                && !memory.sees(thread, other, step);
    }

    /**
     * Load {@code e} read {@code s}: remembered for coherence, and the store's clock taken in as the mode says.
     *
     * @param acquires whether the load synchronizes with a release store it reads (acquire, volatile, or a
     *                 dependency-ordered reference load)
     */
    public void loaded(WeakMemory memory, Event e, Store s, AccessMode mode, boolean acquires) {
        loads.add(new Load(e.thread, e.threadStep, s.index(), mode, e));
        memory.readFrom(e.thread, s.sync(), acquires);
    }

    /** Store {@code e} wrote {@code value}. */
    public void stored(WeakMemory memory, Event e, Object value, AccessMode mode) {
        stores.add(new Store(value, stores.size(), e.thread, e.threadStep, mode, memory.published(e.thread, mode),
                e));
    }

    /**
     * Read-modify-write {@code e} read {@code read}, the latest store, and wrote {@code value}: it acquires as
     * its mode says, and continues the release sequence of the store it replaced.
     */
    public void updated(WeakMemory memory, Event e, Store read, Object value, AccessMode mode) {
        AccessMode atomic = mode == AccessMode.PLAIN ? AccessMode.OPAQUE : mode;
        loads.add(new Load(e.thread, e.threadStep, read.index(), atomic, e));
        memory.readFrom(e.thread, read.sync(), atomic.acquires());
        VectorClock sync = memory.published(e.thread, atomic);
        if (read.sync() != null) {
            sync = sync == null ? read.sync() : joined(sync, read.sync());
        }
        stores.add(new Store(value, stores.size(), e.thread, e.threadStep, atomic, sync, e));
    }

    private static VectorClock joined(VectorClock a, VectorClock b) {
        VectorClock j = a.copy();
        j.join(b);
        return j;
    }
}
