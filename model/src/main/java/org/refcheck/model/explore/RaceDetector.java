package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Op;
import org.refcheck.model.rt.OpKind;

/**
 * Finds the reversible races of a finished execution and the event sequence that reverses each.
 *
 * <p>Two events race when they belong to different threads, conflict, and the first happens-before the second
 * directly (no third event lies between them in {@link HappensBefore}); observing adds that commute do not
 * conflict. Reversing the race means running, from the state
 * before the first event, the events after it that do not depend on it, followed by the second event.
 *
 * <p>Blocking operations change which races can be reversed: an unlock and a later lock of the same mutex cannot
 * be swapped (the lock was disabled), but the two lock acquisitions can, so for a lock the previous acquisition of
 * the same mutex by another thread counts as its race partner. Waits on a completion are treated alike: a wait
 * that could run before a {@code complete} leaves the same state in either order (it consumes an earlier done
 * event), and one that could not was disabled; two waits competing for done events race with each other.
 */
final class RaceDetector {

    /** A race: positions of the two events, and the sequence that reverses it. */
    record Race(int first, int second, List<Step> reversal) {
    }

    private RaceDetector() {
    }

    /**
     * The races of {@code events}.
     *
     * @param commuteAdditions whether observing adds may commute (see {@link CommutingAdditions})
     */
    static List<Race> races(List<Event> events, boolean commuteAdditions) {
        HappensBefore hb = HappensBefore.of(events, commuteAdditions);
        List<Race> races = new ArrayList<>();
        Map<Long, List<Event>> byObject = new HashMap<>();
        Event[] lastOfThread = new Event[64];
        for (Event ej : events) {
            if (ej.thread >= lastOfThread.length) {
                lastOfThread = java.util.Arrays.copyOf(lastOfThread, ej.thread * 2 + 1);
            }
            if (ej.kind == OpKind.SPAWN && ej.otherThread >= 0) {
                if (ej.otherThread >= lastOfThread.length) {
                    lastOfThread = java.util.Arrays.copyOf(lastOfThread, ej.otherThread * 2 + 1);
                }
                lastOfThread[ej.otherThread] = ej;   // a thread's first event follows its spawn
            }
            Event poPred = lastOfThread[ej.thread];
            lastOfThread[ej.thread] = ej;
            if (ej.object == Op.NO_OBJECT) {
                continue;
            }
            List<Event> earlier = byObject.computeIfAbsent(ej.object, k -> new ArrayList<>());
            List<Event> candidates = new ArrayList<>();
            for (Event ei : earlier) {
                if (ei.thread != ej.thread && ei.conflictsWith(ej) && hb.before(ei, ej)) {
                    candidates.add(ei);
                }
            }
            boolean acquires = ej.kind == OpKind.LOCK || ej.kind == OpKind.AWAIT;
            OpKind enabling = ej.kind == OpKind.LOCK ? OpKind.UNLOCK : OpKind.SIGNAL;
            if (acquires) {
                Event previousLock = null;
                for (int k = candidates.size() - 1; k >= 0 && previousLock == null; k--) {
                    if (candidates.get(k).kind == ej.kind) {
                        previousLock = candidates.get(k);
                    }
                }
                if (previousLock != null && !knownBefore(hb, previousLock, poPred)) {
                    races.add(race(hb, events, previousLock, ej));
                }
            }
            for (int c = 0; c < candidates.size(); c++) {
                Event ei = candidates.get(c);
                if (acquires && (ei.kind == ej.kind || ei.kind == enabling)) {
                    continue;   // handled above: a held mutex cannot be acquired first, nor a wait run early
                }
                if (knownBefore(hb, ei, poPred)) {
                    continue;
                }
                boolean direct = true;
                for (int k = c + 1; k < candidates.size() && direct; k++) {
                    if (hb.before(ei, candidates.get(k))) {
                        direct = false;
                    }
                }
                if (direct) {
                    races.add(race(hb, events, ei, ej));
                }
            }
            earlier.add(ej);
        }
        return races;
    }

    /** Whether {@code e} happens-before the event that precedes the racing one in its thread (or its spawn). */
    private static boolean knownBefore(HappensBefore hb, Event e, Event poPred) {
        return poPred != null && hb.before(e, poPred);
    }

    private static Race race(HappensBefore hb, List<Event> events, Event ei, Event ej) {
        List<Step> reversal = new ArrayList<>();
        for (int k = ei.index + 1; k < ej.index; k++) {
            Event ek = events.get(k);
            if (!hb.before(ei, ek)) {
                reversal.add(Step.of(ek));
            }
        }
        reversal.add(Step.mayDo(ej));
        return new Race(ei.index, ej.index, reversal);
    }
}
