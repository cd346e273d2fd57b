package org.refcheck.model.memory;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.model.rt.Event;

/**
 * The weak-memory view of one tracked allocation: its allocation, uses, mutable uses, destroy and free, so that a
 * lifetime event not ordered by happens-before after a conflicting one is found even when the schedule ran them in
 * the right order. A free racing with a use is a use after free; a use not ordered after the allocation reads an
 * object whose initialisation was never published.
 */
public final class AllocationHistory {

    private final Event allocation;
    private final List<Event> reads = new ArrayList<>();
    private final List<Event> writes = new ArrayList<>();

    /** @param allocation the event that allocated it */
    public AllocationHistory(Event allocation) {
        this.allocation = allocation;
    }

    /**
     * The earlier lifetime event that {@code e} races with, or {@code null}: the allocation itself if {@code e}
     * is not ordered after it, otherwise the latest conflicting event of another thread not ordered before it.
     *
     * @param writes whether {@code e} changes the allocation (a mutable use, destroy or free) rather than reading it
     */
    public Event racing(WeakMemory memory, Event e, boolean writes) {
        if (!memory.sees(e.thread, allocation)) {
            return allocation;
        }
        Event found = latestUnordered(memory, e, this.writes);
        if (found == null && writes) {
            found = latestUnordered(memory, e, reads);
        }
        return found;
    }

    /** Records {@code e}, which has been checked. */
    public void add(Event e, boolean writes) {
        (writes ? this.writes : reads).add(e);
    }

    /** The allocating event. */
    public Event allocation() {
        return allocation;
    }

    private static Event latestUnordered(WeakMemory memory, Event e, List<Event> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Event x = earlier.get(i);
            if (!memory.sees(e.thread, x)) {
                return x;
            }
        }
        return null;
    }
}
