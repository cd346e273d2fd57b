package org.refcheck.model.memory;

import java.util.Arrays;

/**
 * A vector clock over logical threads: entry {@code t} is the last step of thread {@code t} known to happen
 * before the point the clock describes (steps count from 1, so 0 means none).
 *
 * <p>Not thread-safe: an execution runs one logical thread at a time, and the hand-over orders their accesses.
 */
public final class VectorClock {

    private int[] steps;

    /** The empty clock: nothing happens before it. */
    public VectorClock() {
        this.steps = new int[4];
    }

    private VectorClock(int[] steps) {
        this.steps = steps;
    }

    /** The last step of {@code thread} this clock covers. */
    public int get(int thread) {
        return thread < steps.length ? steps[thread] : 0;
    }

    /** Whether step {@code step} of {@code thread} happens before (or is) the point this clock describes. */
    public boolean covers(int thread, int step) {
        return get(thread) >= step;
    }

    /** Moves {@code thread}'s entry to {@code step}. */
    public void set(int thread, int step) {
        grow(thread);
        steps[thread] = step;
    }

    /** Joins {@code other} into this clock (entry-wise maximum); {@code null} is the empty clock. */
    public void join(VectorClock other) {
        if (other == null) {
            return;
        }
        grow(other.steps.length - 1);
        for (int i = 0; i < other.steps.length; i++) {
            if (other.steps[i] > steps[i]) {
                steps[i] = other.steps[i];
            }
        }
    }

    /** An independent copy. */
    public VectorClock copy() {
        return new VectorClock(steps.clone());
    }

    private void grow(int thread) {
        if (thread >= steps.length) {
            steps = Arrays.copyOf(steps, Math.max(thread + 1, steps.length * 2));
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(steps);
    }
}
