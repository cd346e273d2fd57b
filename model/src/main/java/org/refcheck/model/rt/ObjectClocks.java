package org.refcheck.model.rt;

/**
 * The happens-before summary of one shared object: the clock of its last conflicting write and the join of the
 * clocks of the reads since. An event on the object happens after the last write and, if it writes, after those
 * reads too; that is every earlier event it conflicts with, transitively.
 */
final class ObjectClocks {

    private static final int[] NONE = new int[0];

    private int[] lastWrite = NONE;
    private int[] readsSinceWrite = NONE;

    void joinInto(int[] clock, boolean writes) {
        joinInto(clock, lastWrite);
        if (writes) {
            joinInto(clock, readsSinceWrite);
        }
    }

    void update(int[] clock, boolean writes) {
        if (writes) {
            lastWrite = clock;
            readsSinceWrite = NONE;
        } else {
            int[] joined = new int[Math.max(clock.length, readsSinceWrite.length)];
            System.arraycopy(clock, 0, joined, 0, clock.length);
            joinInto(joined, readsSinceWrite);
            readsSinceWrite = joined;
        }
    }

    private static void joinInto(int[] into, int[] other) {
        int n = Math.min(into.length, other.length);
        for (int i = 0; i < n; i++) {
            if (other[i] > into[i]) {
                into[i] = other[i];
            }
        }
    }
}
