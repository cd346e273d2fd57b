package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.List;

/** One position of the exploration stack: the state before the event at that position of the current execution. */
final class Node {

    /** Events known to be covered from here: explored siblings, and inherited ones that commute with the path. */
    final List<Step> sleep;
    /**
     * Events another part of a split exploration covers ({@link ExplorationPrefix}): like the sleep set they are
     * not chosen freely here, but unlike it they never stop a race reversal from being planted, since the part
     * that covers them has no wakeup sequences from this part's races.
     */
    List<Step> covered = List.of();
    /** Branches still to explore from here. */
    WakeupTree wakeup = new WakeupTree();
    /** The thread chosen here in the current execution. */
    int chosenThread;
    /** The event it performed (set once it ran). */
    Step chosen;
    /** The facade method and object of the pending operation chosen here, to detect non-determinism on replay. */
    String chosenMethod;
    long chosenObject;
    /** Preemptions on the path up to and including this position. */
    int preemptions;
    /** Weak memory: which store the chosen thread's load reads here, of how many it may read. */
    int readChoice;
    int readAlternatives = 1;
    /** Weak memory: whether the next execution runs the same thread here again, reading the next store. */
    boolean rereading;

    Node(List<Step> sleep) {
        this.sleep = sleep;
    }

    /** Whether {@code thread}'s next event, {@code next}, is asleep here. */
    boolean isAsleep(int thread) {
        for (Step s : sleep) {
            if (s.thread() == thread) {
                return true;
            }
        }
        for (Step s : covered) {
            if (s.thread() == thread) {
                return true;
            }
        }
        return false;
    }

    /** The sleep set of the next position after {@code executed} ran here: entries it commutes with. */
    List<Step> sleepAfter(Step executed) {
        return stillCommuting(sleep, executed);
    }

    /** The covered events of the next position after {@code executed} ran here. */
    List<Step> coveredAfter(Step executed) {
        return covered.isEmpty() ? covered : stillCommuting(covered, executed);
    }

    private static List<Step> stillCommuting(List<Step> steps, Step executed) {
        List<Step> next = new ArrayList<>(steps.size());
        for (Step s : steps) {
            if (s.thread() != executed.thread() && !s.conflictsWith(executed)) {
                next.add(s);
            }
        }
        return next;
    }
}
