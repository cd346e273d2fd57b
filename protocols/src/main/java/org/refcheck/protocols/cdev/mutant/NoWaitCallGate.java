package org.refcheck.protocols.cdev.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.cdev.LockedCallGate;

/**
 * Mutant B16: the disconnect sets the unplugged flag but does not wait for the calls in flight.
 *
 * <p>Overrides {@link LockedCallGate#waitForCalls()} with nothing: new calls still fail with {@code -ENXIO}, but a
 * call that entered before the flag keeps running while the driver unregisters the hardware under it.
 *
 * <p>Exposing interleaving (catalogue bug B16; the plain "numbing" of gpiolib before 2022, Laurent Pinchart's 2017
 * RFC): T1's ioctl enters (count 1) and is inside the driver's handler. T2's {@code .remove()} sets the flag, finds
 * a call in flight, returns without waiting and unregisters the hardware. T1 touches the hardware. Symptom:
 * <b>use after free</b> of the hardware, and a call still in flight after the disconnect returned.
 */
public class NoWaitCallGate extends LockedCallGate {

    public NoWaitCallGate(LifetimeTracker tracker, String label) {
        super(tracker, label);
    }

    /** The bug: returns at once, with calls still in flight. */
    @Override
    protected void waitForCalls() {
    }
}
