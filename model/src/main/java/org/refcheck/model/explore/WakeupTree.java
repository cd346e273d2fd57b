package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * The wakeup tree of one exploration node (Abdulla, Aronis, Jonsson, Sagonas, "Optimal Dynamic Partial Order
 * Reduction", POPL 2014): an ordered tree of event sequences still to be explored from that node, such that no two
 * leaves are equivalent. Children are explored left to right.
 */
final class WakeupTree {

    /*
     * Implementation notes. A node's tree holds only branches not yet explored: the branch being explored is moved
     * out when exploration enters it (its subtree becomes the next node's tree), and is added to the node's sleep
     * set when exploration comes back. Insertion walks down from the root, at each level following the leftmost
     * child whose event is a weak initial of what remains of the new sequence; reaching a leaf means an existing
     * branch already covers the sequence, and getting stuck appends the rest as a new rightmost branch.
     */

    private final List<Child> children = new ArrayList<>();

    record Child(Step step, WakeupTree subtree) {
    }

    boolean isEmpty() {
        return children.isEmpty();
    }

    int size() {
        return children.size();
    }

    /** Removes and returns the leftmost branch. */
    Child takeLeftmost() {
        return children.remove(0);
    }

    /** Inserts {@code sequence}, unless some branch already covers it (see the class comment). */
    void insert(WakeupSequence sequence) {
        WakeupTree node = this;
        boolean atRoot = true;
        while (true) {
            if (!atRoot && node.children.isEmpty()) {
                return;
            }
            if (sequence.isEmpty()) {
                return;
            }
            WakeupTree next = null;
            for (Child child : node.children) {
                if (sequence.consumeWeakInitial(child.step)) {
                    next = child.subtree;
                    break;
                }
            }
            if (next == null) {
                node.appendChain(sequence.rest());
                return;
            }
            node = next;
            atRoot = false;
        }
    }

    private void appendChain(List<Step> steps) {
        WakeupTree node = this;
        for (Step s : steps) {
            WakeupTree sub = new WakeupTree();
            node.children.add(new Child(s, sub));
            node = sub;
        }
    }

    @Override
    public String toString() {
        return children.toString();
    }
}
