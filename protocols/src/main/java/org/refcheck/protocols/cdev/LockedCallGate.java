package org.refcheck.protocols.cdev;

import java.util.Objects;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Completion;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;

/**
 * The call count of Laurent Pinchart's 2017 V4L2 RFC ({@code video_device_enter}, {@code video_device_exit},
 * {@code video_device_unplug} in drivers/media/v4l2-core/v4l2-dev.c of the RFC): one count and one
 * "unplugged" flag under a lock, and a completion the last exiting call fires once the device is unplugged.
 *
 * <pre> {@code
 * CallGate gate = new LockedCallGate(heap, "video0");
 * // a file operation:                     // .remove():
 * if (!gate.enter(0)) return ENXIO;        gate.disconnect();   // flag, then wait for calls in flight
 * ... ; gate.exit(0);                      ... unregister, free ...
 * }</pre>
 *
 * <p>Enter and exit nest (a call may enter again while inside). The cpu argument is ignored.
 *
 * <p>Memory consistency effects: those of {@link CallGate}; every step runs under the gate's lock, and the
 * completion orders the last exit before the end of {@link #disconnect()}.
 */
public class LockedCallGate implements CallGate {

    /*
     * Implementation notes. State, all under `lock`:
     *     count      calls that entered and have not exited (never negative; a negative count is a WARN)
     *     unplugged  0 while the device is usable, 1 from disconnect() on; never goes back
     * Transitions:
     *     PLUGGED(n) --enter--> PLUGGED(n+1)        PLUGGED(n) --exit--> PLUGGED(n-1)
     *     PLUGGED(n) --disconnect--> UNPLUGGED(n)   UNPLUGGED(n) --enter--> UNPLUGGED(n), fails with ENXIO
     *     UNPLUGGED(n) --exit--> UNPLUGGED(n-1); the exit reaching UNPLUGGED(0) completes `drained`
     * disconnect() waits on `drained` only if it found n > 0 while setting the flag, so exactly one exit completes
     * the completion for the one wait. (The RFC wakes a wait queue at every exit to zero; a completion counts done
     * events, so waking before the unplug would let a later wait return too early. Completing only once unplugged
     * keeps the done count at most one.) No call can enter after the flag is set, so n only falls from there.
     */

    private final LifetimeTracker tracker;
    private final String label;
    private final Mutex lock;
    private final SharedInt count;
    private final SharedInt unplugged;
    private final Completion drained;

    /** An unplugged-free gate for the device named {@code label}; {@code tracker} receives its warnings. */
    public LockedCallGate(LifetimeTracker tracker, String label) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.label = Objects.requireNonNull(label, "label");
        this.lock = Mutex.create(label + ".unplug_lock");
        this.count = SharedInt.of(label + ".access_refcount", 0);
        this.unplugged = SharedInt.of(label + ".unplugged", 0);
        this.drained = Completion.create(label + ".unplug_wait");
    }

    /** {@code video_device_enter}: counts the call unless the device is unplugged. */
    @Override
    public boolean enter(int cpu) {
        try (Mutex.Guard held = lock.lock()) {
            if (unplugged.getPlain() != 0) {
                return false;
            }
            count.setPlain(count.getPlain() + 1);
            return true;
        }
    }

    /** {@code video_device_exit}: uncounts the call; the last one after the unplug wakes the disconnect. */
    @Override
    public void exit(int cpu) {
        boolean wake;
        try (Mutex.Guard held = lock.lock()) {
            int left = count.getPlain() - 1;
            if (left < 0) {
                tracker.warn(label, "video_device_exit without video_device_enter: access count below zero");
                return;
            }
            count.setPlain(left);
            wake = left == 0 && unplugged.getPlain() != 0;
        }
        if (wake) {
            drained.complete();
        }
    }

    /** {@code video_device_unplug}: flags the device, then waits for the calls in flight, if any. */
    @Override
    public void disconnect() {
        boolean blocked;
        try (Mutex.Guard held = lock.lock()) {
            blocked = count.getPlain() > 0;
            unplugged.setPlain(1);
        }
        if (blocked) {
            waitForCalls();
        }
    }

    /** Waits until the last call in flight has exited: the step B16 leaves out. */
    protected void waitForCalls() {
        drained.await();
    }

    @Override
    public String toString() {
        return "LockedCallGate(" + label + ")";
    }
}
