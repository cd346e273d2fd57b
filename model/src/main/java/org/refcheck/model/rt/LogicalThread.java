package org.refcheck.model.rt;

import java.util.concurrent.Semaphore;

/**
 * One thread of a test under the model checker. It runs on a pooled platform thread (a {@link Carrier}), but only
 * while the execution's scheduler has handed it the turn; at every facade operation it announces its pending
 * operation and waits for the turn again.
 */
public final class LogicalThread {

    /*
     * Implementation notes. The turn is a semaphore per logical thread: the running thread releases the next
     * thread's semaphore and then acquires its own, so exactly one logical thread runs at a time and every
     * hand-over is a happens-before edge (semaphore release/acquire), which makes the plain fields below safe to
     * share. States: NEW -> (first announce) WAITING -> RUNNING <-> WAITING -> FINISHED.
     */

    final Execution execution;
    final int id;
    private final String name;
    private final Runnable body;
    private final Semaphore turn = new Semaphore(0);

    /** The thread that waits for this one's first announcement: the spawner, or null for the driver. */
    final LogicalThread spawner;
    boolean announced;
    Op pending;
    /** The kind of the operation it announced last (what it may do, before it is known what it did). */
    OpKind announcedKind;
    boolean finished;
    /** Events this thread performed so far. */
    int steps;
    /** Whether the parking permit is available. */
    boolean permit;
    /** What this thread observed so far, in order, for the state cache. */
    final StateFingerprint.Builder history = new StateFingerprint.Builder();
    /** The operations this thread performed so far, without the values, for the state cache. */
    final StateFingerprint.Builder path = new StateFingerprint.Builder();
    /** Shared objects this thread created so far (the low half of their ids). */
    int objectsCreated;
    /** For a pending spin: the writes by other threads it waits to see exceeded. */
    long spinMark;
    /**
     * Writes by other threads counted when this thread's current spin-loop iteration began (its first event after
     * its last spin, or its first event): a spin is enabled once another thread wrote since then, so a write that
     * lands between the loop's reads and its spin is never missed.
     */
    long iterationMark;
    boolean iterationStarts = true;
    /** Writes this thread performed. */
    long ownWrites;
    /**
     * Weak memory: whether this thread spun since its last store, so that its loads read the latest store (a
     * spinning thread is not kept from a store forever).
     */
    boolean spunSinceStore;
    /** Weak memory: whether a load of the current spin-loop iteration read an older store than the latest. */
    boolean staleInIteration;

    LogicalThread(Execution execution, int id, String name, Runnable body, LogicalThread spawner) {
        this.execution = execution;
        this.id = id;
        this.name = name;
        this.body = body;
        this.spawner = spawner;
    }

    /** The thread's index in its execution: 0 for the test body, then in spawn order. */
    public int id() {
        return id;
    }

    /** The name it was spawned with. */
    public String getName() {
        return name;
    }

    /** The operation this thread will perform when it next runs, or {@code null} if it is running or finished. */
    public Op pending() {
        return pending;
    }

    /** Whether the thread's body has returned. */
    public boolean isFinished() {
        return finished;
    }

    /** Runs the body on the calling carrier, to the end or until the execution unwinds it. */
    void runBody() {
        try {
            body.run();
        } catch (ExecutionAborted unwinding) {
            // the execution ended early; nothing to report
        } catch (Throwable t) {
            execution.threadFailed(this, t);
        } finally {
            execution.threadExits(this);
        }
    }

    void giveTurn() {
        turn.release();
    }

    void awaitTurn() {
        turn.acquireUninterruptibly();   // spinning first was measured slower: it steals the core of the runner
    }

    @Override
    public String toString() {
        return name;
    }
}
