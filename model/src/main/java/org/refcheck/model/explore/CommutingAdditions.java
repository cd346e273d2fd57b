package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.refcheck.model.rt.Addition;
import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Op;

/**
 * Decides which of an execution's observing adds commute: the value-aware independence that collapses the
 * reference-count family's multinomial number of traces.
 *
 * <p>Two adds to one counter leave the same value in either order; they differ only in the old values their callers
 * see. When each caller declared the interval of old values it cannot tell apart ({@link Addition}), an add whose
 * old value stays in its interval under every reordering of the adds around it commutes with them. An add that
 * could see another interval in some reordering, such as the decrement that found the count at one, becomes a
 * <em>barrier</em>: ordered after every add before it and before every add after it, as a plain read-modify-write.
 *
 * <p>The decision is sound, never optimal: every linearization of the resulting happens-before order is an
 * execution in which each add's caller sees the same interval, each read the same value, and the counter ends with
 * the same value, so exploring one linearization covers them all.
 */
final class CommutingAdditions {

    /*
     * Implementation notes. A run is a maximal sequence of observing adds to one object with no other event on that
     * object between them (a read, a store, a compare-and-set or an undeclared add separates runs: it is ordered
     * with every add, so the value at the start of a run is the same in every linearization). Barriers split a run
     * into segments; a segment's adds all lie between the same two barriers in every linearization, so the old value
     * of add a in some linearization is
     *
     *     base + (a's own earlier adds in the segment) + (for every other thread u: a prefix of u's segment adds)
     *
     * where base is the value before the segment. Over-approximating each thread's prefix by the minimum and maximum
     * of its prefix sums (ignoring orders between threads, which only remove linearizations) bounds the old value
     * in [min, max]. An add whose interval does not hold [min, max] is unstable. One unstable add at a time becomes
     * a barrier (FIRST_TO_ORDER picks it); barriers only shrink the segments and hence the bounds, so this ends,
     * with every remaining add stable. Every barrier is ordered with every add of its run, so all linearizations
     * of the final order agree on the segments at each step, and the result depends only on the partial order,
     * not on the linearization it was computed from. Arithmetic that overflows a long makes an add unstable.
     */

    private CommutingAdditions() {
    }

    /** The indices of the observing adds of {@code events} that must stay ordered with every add of their run. */
    static BitSet barriers(List<Event> events) {
        BitSet barriers = new BitSet();
        for (List<Event> run : runs(events)) {
            while (true) {
                Event next = null;
                int start = 0;
                for (int i = 0; i <= run.size(); i++) {
                    if (i == run.size() || barriers.get(run.get(i).index)) {
                        for (Event unstable : unstable(run.subList(start, i))) {
                            if (next == null || FIRST_TO_ORDER.compare(unstable, next) < 0) {
                                next = unstable;
                            }
                        }
                        start = i + 1;
                    }
                }
                if (next == null) {
                    break;
                }
                barriers.set(next.index);
            }
        }
        return barriers;
    }

    /**
     * Which unstable add becomes a barrier first: the one whose caller tells the fewest old values apart (the
     * decrement that must see exactly one), then by thread and position. Both keys are the same in every
     * linearization of the final order, so the barriers are too.
     */
    private static final Comparator<Event> FIRST_TO_ORDER = Comparator
            .<Event>comparingLong(e -> e.addition.high() - e.addition.low())
            .thenComparingInt(e -> e.thread)
            .thenComparingInt(e -> e.threadStep);

    private static List<List<Event>> runs(List<Event> events) {
        Map<Long, List<Event>> open = new HashMap<>();
        List<List<Event>> runs = new ArrayList<>();
        for (Event e : events) {
            if (e.object == Op.NO_OBJECT) {
                continue;
            }
            if (e.addition == null) {
                open.remove(e.object);
            } else {
                open.computeIfAbsent(e.object, k -> {
                    List<Event> run = new ArrayList<>();
                    runs.add(run);
                    return run;
                }).add(e);
            }
        }
        return runs;
    }

    /** The adds of one segment whose old value could leave their interval in some reordering. */
    private static List<Event> unstable(List<Event> segment) {
        if (segment.size() < 2) {
            return List.of();
        }
        Map<Integer, long[]> prefixBounds = new HashMap<>();   // thread -> {running sum, min prefix, max prefix}
        for (Event e : segment) {
            long[] b = prefixBounds.computeIfAbsent(e.thread, k -> new long[3]);
            b[0] = saturatingAdd(b[0], e.addition.delta());
            b[1] = Math.min(b[1], b[0]);
            b[2] = Math.max(b[2], b[0]);
        }
        if (prefixBounds.size() < 2) {
            return List.of();   // one thread's adds: program order already fixes every old value
        }
        long base = segment.get(0).addition.before();
        Map<Integer, Long> ownSoFar = new HashMap<>();
        List<Event> unstable = new ArrayList<>();
        for (Event e : segment) {
            long own = ownSoFar.getOrDefault(e.thread, 0L);
            long min = saturatingAdd(base, own);
            long max = min;
            for (Map.Entry<Integer, long[]> other : prefixBounds.entrySet()) {
                if (other.getKey() != e.thread) {
                    min = saturatingAdd(min, other.getValue()[1]);
                    max = saturatingAdd(max, other.getValue()[2]);
                }
            }
            boolean overflow = min == Long.MIN_VALUE || max == Long.MAX_VALUE;
            if (overflow || !e.addition.stableOver(min, max)) {
                unstable.add(e);
            }
            ownSoFar.put(e.thread, saturatingAdd(own, e.addition.delta()));
        }
        return unstable;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return r < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }
}
