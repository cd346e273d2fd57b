package org.refcheck.model.explore;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Op;
import org.refcheck.model.rt.OpKind;

/**
 * The happens-before order of one finished execution, as dynamic partial-order reduction sees it: program order,
 * spawn and join, and the order of dependent events on each object, as vector clocks.
 *
 * <p>Two events on one object are dependent when at least one of them writes it, except that observing adds
 * commute with each other unless {@link CommutingAdditions} made one of them a barrier. Every linearization of this
 * order is an execution equivalent to the one it was computed from.
 */
final class HappensBefore {

    /*
     * Implementation notes. One pass in execution order. Per thread: the clock after its latest event. Per object:
     * the clock of the last write (a store, a read-modify-write, a barrier add, a lock operation, an allocation
     * event), the join of the reads since that write, and the join of the commuting adds since that write. A read
     * joins the last write and the adds; a commuting add joins the last write and the reads; a write joins all three
     * and starts afresh. So reads commute with reads and commuting adds with commuting adds, and nothing else on the
     * object commutes. Spawn copies the spawner's clock into the child; join takes in the joined thread's clock.
     */

    private static final int[] NONE = new int[0];

    private final int[][] clocks;

    private HappensBefore(int[][] clocks) {
        this.clocks = clocks;
    }

    /**
     * Computes the order of {@code events}.
     *
     * @param commuteAdditions whether observing adds may commute; {@code false} orders them as plain
     *                         read-modify-writes (the unreduced relation reductions are checked against)
     */
    static HappensBefore of(List<Event> events, boolean commuteAdditions) {
        BitSet barriers = commuteAdditions ? CommutingAdditions.barriers(events) : null;
        int threads = 1;
        for (Event e : events) {
            threads = Math.max(threads, Math.max(e.thread, e.otherThread) + 1);
        }
        int[][] threadClock = new int[threads][];
        Arrays.fill(threadClock, new int[threads]);
        Map<Long, int[][]> objects = new HashMap<>();   // object -> {last write, reads since, adds since}
        int[][] clocks = new int[events.size()][];
        for (Event e : events) {
            int[] clock = threadClock[e.thread].clone();
            clock[e.thread] = e.threadStep;
            if (e.kind == OpKind.JOIN) {
                joinInto(clock, threadClock[e.otherThread]);
            }
            if (e.object != Op.NO_OBJECT) {
                int[][] o = objects.computeIfAbsent(e.object, k -> new int[][] {NONE, NONE, NONE});
                boolean commutingAdd = e.addition != null && barriers != null && !barriers.get(e.index);
                if (commutingAdd) {
                    joinInto(clock, o[0]);
                    joinInto(clock, o[1]);
                    o[2] = joined(o[2], clock);
                } else if (e.kind.writes()) {
                    joinInto(clock, o[0]);
                    joinInto(clock, o[1]);
                    joinInto(clock, o[2]);
                    o[0] = clock;
                    o[1] = NONE;
                    o[2] = NONE;
                } else {
                    joinInto(clock, o[0]);
                    joinInto(clock, o[2]);
                    o[1] = joined(o[1], clock);
                }
            }
            threadClock[e.thread] = clock;
            if (e.kind == OpKind.SPAWN && e.otherThread >= 0) {
                threadClock[e.otherThread] = clock;
            }
            clocks[e.index] = clock;
        }
        return new HappensBefore(clocks);
    }

    /** Whether {@code e} happens-before (or is) {@code later}. */
    boolean before(Event e, Event later) {
        int[] c = clocks[later.index];
        return c[e.thread] >= e.threadStep;
    }

    private static void joinInto(int[] into, int[] other) {
        for (int i = 0; i < other.length; i++) {
            if (other[i] > into[i]) {
                into[i] = other[i];
            }
        }
    }

    private static int[] joined(int[] a, int[] b) {
        int[] j = a.length == 0 ? b.clone() : a.clone();
        joinInto(j, b);
        return j;
    }
}
