package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of one part of a split exploration: a schedule prefix (the thread that runs at each of its steps) and,
 * for each step, the sibling events that other parts branched on there. A part explores every trace that has a
 * linearization starting with its prefix, and owns those of them that no earlier sibling could start
 * ({@link #owns}): over all parts of a {@link PrefixSplit}, every Mazurkiewicz trace is owned exactly once.
 */
public final class ExplorationPrefix {

    private final int[] threads;
    private final List<List<Step>> covered;

    ExplorationPrefix(int[] threads, List<List<Step>> covered) {
        if (threads.length != covered.size()) {
            throw new IllegalArgumentException(threads.length + " steps but " + covered.size() + " sleep additions");
        }
        this.threads = threads.clone();
        this.covered = new ArrayList<>(covered.size());
        for (List<Step> c : covered) {
            this.covered.add(List.copyOf(c));
        }
    }

    /** The empty prefix: the whole exploration. */
    public static ExplorationPrefix none() {
        return new ExplorationPrefix(new int[0], List.of());
    }

    /** Steps in the prefix. */
    public int length() {
        return threads.length;
    }

    int thread(int position) {
        return threads[position];
    }

    List<Step> covered(int position) {
        return covered.get(position);
    }

    /**
     * Whether this part owns the trace of {@code events} (an execution that follows this prefix): at no step of the
     * prefix could a sibling tried before it have run first, i.e. no such sibling's event is a weak initial of the
     * rest of the execution from that step.
     */
    public boolean owns(List<org.refcheck.model.rt.Event> events) {
        WakeupSequence whole = null;
        for (int i = 0; i < threads.length && i < events.size(); i++) {
            if (covered.get(i).isEmpty()) {
                continue;
            }
            if (whole == null) {
                List<Step> steps = new ArrayList<>(events.size());
                for (org.refcheck.model.rt.Event e : events) {
                    steps.add(Step.of(e));
                }
                whole = new WakeupSequence(steps);
            }
            for (Step sibling : covered.get(i)) {
                if (whole.isWeakInitialOfSuffix(i, sibling)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The prefix as a schedule string ({@link Schedule#encode}). */
    @Override
    public String toString() {
        return new Schedule(threads).encode();
    }
}
