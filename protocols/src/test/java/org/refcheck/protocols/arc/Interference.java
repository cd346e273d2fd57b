package org.refcheck.protocols.arc;

/**
 * The other thread's operations, run inline at a pause point of a hooked scheme: tests call the split steps of two
 * "threads" in the order of an exposing interleaving, deterministically and on one real thread.
 */
public final class Interference {

    private Runnable action;
    private boolean fired;

    /** Arms the interference; it runs at the next {@link #fire()}. */
    public void set(Runnable action) {
        this.action = action;
    }

    /** Runs the armed action once; later calls (also re-entrant ones from inside the action) do nothing. */
    public void fire() {
        Runnable a = action;
        action = null;
        if (a != null) {
            fired = true;
            a.run();
        }
    }

    /** Whether the action ran. */
    public boolean fired() {
        return fired;
    }
}
