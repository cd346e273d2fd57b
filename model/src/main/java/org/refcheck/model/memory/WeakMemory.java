package org.refcheck.model.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.refcheck.model.rt.Event;

/**
 * Happens-before of one execution under the weak memory model, as vector clocks kept while it runs: what each
 * logical thread is known to have seen, and the clocks that stores and blocking operations publish.
 *
 * <p>Happens-before is program order, spawn and join, unlock to later lock, complete to await, unpark to park,
 * and synchronizes-with: an acquire (or volatile) load that reads a release (or volatile) store takes in the clock
 * the store published. A release fence makes its thread's later stores publish the clock at the fence; a load that
 * does not acquire keeps the clock of the store it read for the thread's next acquire fence. A read-modify-write
 * continues the release sequence of the store it replaces: it publishes that store's clock joined with its own.
 * Full fences are sequentially consistent: they run in one total order (the order the schedule ran them), each
 * taking in the clocks of every full fence before it. Plain and opaque accesses create no synchronization.
 *
 * <p>Per cell, a {@link CellHistory} keeps the stores in modification order and decides which of them a load may
 * read; per tracked allocation, an {@link AllocationHistory} finds uses racing with a free.
 */
public final class WeakMemory {

    /*
     * Implementation notes. Clocks are updated in step(), which the execution calls for every event as it is
     * recorded, before the event's own memory effects (a load's synchronization, a store's published clock) are
     * applied by the cell. Invariant: clock(t).get(t) is the step of t's latest recorded event, so an event (u, s)
     * happens before t's next event iff clock(t).covers(u, s). Published clocks (release fences, stores, sync
     * objects once read) are snapshots: a clock that is later joined into is never shared.
     */

    private final int historyBound;
    private VectorClock[] clocks = new VectorClock[4];
    private VectorClock[] releaseFences = new VectorClock[4];
    private VectorClock[] pendingAcquires = new VectorClock[4];
    private VectorClock fenceOrder = new VectorClock();
    private final Map<Long, VectorClock> syncObjects = new HashMap<>();

    /**
     * @param historyBound how many of a cell's latest stores a weak load may choose from (at least 1)
     */
    public WeakMemory(int historyBound) {
        if (historyBound < 1) {
            throw new IllegalArgumentException("the store history bound must be at least 1: " + historyBound);
        }
        this.historyBound = historyBound;
    }

    /** How many of a cell's latest visible stores a weak load may choose from. */
    public int historyBound() {
        return historyBound;
    }

    /** Whether step {@code step} of {@code other} happens before the next event of {@code thread}. */
    public boolean sees(int thread, int other, int step) {
        return thread == other || clock(thread).covers(other, step);
    }

    /** Whether event {@code e} happens before the next event of {@code thread}. */
    public boolean sees(int thread, Event e) {
        return sees(thread, e.thread, e.threadStep);
    }

    /** Advances the clocks over {@code e}, the event just recorded. */
    public void step(Event e) {
        VectorClock c = clock(e.thread);
        c.set(e.thread, e.threadStep);
        switch (e.kind) {
            case SPAWN -> {
                if (e.otherThread >= 0) {
                    grow(e.otherThread);
                    clocks[e.otherThread] = c.copy();
                }
            }
            case JOIN -> c.join(clock(e.otherThread));
            case UNLOCK, SIGNAL, UNPARK -> syncObjects.computeIfAbsent(e.object, k -> new VectorClock()).join(c);
            case LOCK, AWAIT, PARK -> c.join(syncObjects.get(e.object));
            case FENCE, FULL_FENCE -> fence(e.thread, e.method, c);
            default -> { }
        }
    }

    private void fence(int thread, String method, VectorClock c) {
        boolean full = method.equals("fullFence");
        if (full || method.equals("acquireFence")) {
            c.join(pendingAcquires[thread]);
        }
        if (full) {
            c.join(fenceOrder);
            fenceOrder = c.copy();
        }
        if (full || method.equals("releaseFence")) {
            releaseFences[thread] = c.copy();
        }
    }

    /** The clock a store by {@code thread} in {@code mode} publishes, or {@code null} for none. */
    VectorClock published(int thread, AccessMode mode) {
        return mode.releases() ? clock(thread).copy() : releaseFences[thread];
    }

    /**
     * {@code thread} read a store that published {@code sync}: take it in now if the load acquires, or keep it
     * for the thread's next acquire fence.
     */
    void readFrom(int thread, VectorClock sync, boolean acquires) {
        if (sync == null) {
            return;
        }
        if (acquires) {
            clock(thread).join(sync);
        } else {
            if (pendingAcquires[thread] == null) {
                pendingAcquires[thread] = new VectorClock();
            }
            pendingAcquires[thread].join(sync);
        }
    }

    /** The clock of {@code thread}'s latest event. */
    VectorClock clock(int thread) {
        grow(thread);
        if (clocks[thread] == null) {
            clocks[thread] = new VectorClock();
        }
        return clocks[thread];
    }

    private void grow(int thread) {
        if (thread >= clocks.length) {
            int n = Math.max(thread + 1, clocks.length * 2);
            clocks = Arrays.copyOf(clocks, n);
            releaseFences = Arrays.copyOf(releaseFences, n);
            pendingAcquires = Arrays.copyOf(pendingAcquires, n);
        }
    }
}
