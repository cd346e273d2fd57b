package org.refcheck.protocols.cdev.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.cdev.CallGate;
import org.refcheck.protocols.cdev.CharDevice;

/**
 * Mutant B24: the driver state is tied to the driver's binding (allocated with {@code devm_kzalloc}) instead of
 * being reference-counted by the open files, so it is freed when the device goes away.
 *
 * <p>Overrides {@link CharDevice#releaseState()}: the disconnect frees the state outright instead of dropping the
 * device's reference.
 *
 * <p>Exposing interleaving (catalogue bug B24; Laurent Pinchart, LPC 2022, "Why is devm_kzalloc() harmful"): a
 * user opens the device file; the driver is unbound, and devres frees the state; the user then closes the file,
 * whose release drops its reference on the freed state (and any other system call on it would use it too).
 * Symptom: <b>use after free</b> (and a double free when the release's put reaches zero).
 */
public class DevmStateCharDevice extends CharDevice {

    public DevmStateCharDevice(LifetimeTracker heap, String label, CallGate gate) {
        super(heap, label, gate);
    }

    public DevmStateCharDevice(LifetimeTracker heap, String label, CallGate gate, Handler handler) {
        super(heap, label, gate, handler);
    }

    /** The bug: the binding's end frees the state, whatever files still hold it. */
    @Override
    protected void releaseState() {
        state().free();
    }
}
