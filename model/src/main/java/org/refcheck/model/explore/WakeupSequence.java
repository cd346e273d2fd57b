package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A sequence of events to be explored from some point of the exploration, with happens-before computed within the
 * sequence itself, supporting the "weak initials" test of optimal dynamic partial-order reduction.
 *
 * <p>A thread is a weak initial of the remaining sequence if its first remaining event has no remaining
 * happens-before predecessor, or if it has no remaining event and its next event conflicts with none of them: in
 * both cases the sequence is equivalent to one that starts with that thread.
 */
final class WakeupSequence {

    private final List<Step> steps;
    /** For each position, the earlier positions that happen-before it within this sequence. */
    private final BitSet[] predecessors;
    private final BitSet remaining;

    WakeupSequence(List<Step> steps) {
        this.steps = steps;
        this.predecessors = new BitSet[steps.size()];
        for (int m = 0; m < steps.size(); m++) {
            BitSet pred = new BitSet();
            Step s = steps.get(m);
            for (int x = m - 1; x >= 0; x--) {
                if (pred.get(x)) {
                    continue;
                }
                Step earlier = steps.get(x);
                if (earlier.thread() == s.thread() || earlier.conflictsWith(s)) {
                    pred.set(x);
                    pred.or(predecessors[x]);
                }
            }
            predecessors[m] = pred;
        }
        this.remaining = new BitSet();
        remaining.set(0, steps.size());
    }

    boolean isEmpty() {
        return remaining.isEmpty();
    }

    /**
     * If {@code next} (the next event of its thread at this point) is a weak initial of the remaining sequence,
     * removes that thread's first remaining event (if any) and returns true.
     */
    boolean consumeWeakInitial(Step next) {
        int first = firstOf(next.thread());
        if (first >= 0) {
            BitSet pred = (BitSet) predecessors[first].clone();
            pred.and(remaining);
            if (!pred.isEmpty()) {
                return false;
            }
            remaining.clear(first);
            return true;
        }
        for (int m = remaining.nextSetBit(0); m >= 0; m = remaining.nextSetBit(m + 1)) {
            if (steps.get(m).conflictsWith(next)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code next} would be a weak initial, without consuming anything. */
    boolean isWeakInitial(Step next) {
        int first = firstOf(next.thread());
        if (first >= 0) {
            BitSet pred = (BitSet) predecessors[first].clone();
            pred.and(remaining);
            return pred.isEmpty();
        }
        for (int m = remaining.nextSetBit(0); m >= 0; m = remaining.nextSetBit(m + 1)) {
            if (steps.get(m).conflictsWith(next)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code next} would be a weak initial of the suffix of this sequence from position {@code from} (the
     * whole sequence being unconsumed): one sequence answers for every suffix.
     */
    boolean isWeakInitialOfSuffix(int from, Step next) {
        for (int m = from; m < steps.size(); m++) {
            if (steps.get(m).thread() == next.thread()) {
                return predecessors[m].nextSetBit(from) < 0;
            }
        }
        for (int m = from; m < steps.size(); m++) {
            if (steps.get(m).conflictsWith(next)) {
                return false;
            }
        }
        return true;
    }

    /** The remaining events, in order. */
    List<Step> rest() {
        List<Step> rest = new ArrayList<>(remaining.cardinality());
        for (int m = remaining.nextSetBit(0); m >= 0; m = remaining.nextSetBit(m + 1)) {
            rest.add(steps.get(m));
        }
        return rest;
    }

    private int firstOf(int thread) {
        for (int m = remaining.nextSetBit(0); m >= 0; m = remaining.nextSetBit(m + 1)) {
            if (steps.get(m).thread() == thread) {
                return m;
            }
        }
        return -1;
    }
}
