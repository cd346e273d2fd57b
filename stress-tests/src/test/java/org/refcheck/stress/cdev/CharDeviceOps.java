package org.refcheck.stress.cdev;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.cdev.CharDevice;
import org.refcheck.protocols.cdev.LockedCallGate;
import org.refcheck.protocols.cdev.OpenFile;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.InvocationCounter;

/**
 * Lincheck operations on one {@link CharDevice} with the locked call gate: a user's whole system call sequence
 * (open, ioctl, close) and the driver's disconnect, held against {@link CharDeviceSpec}; the lifetime tracker is
 * the validation function.
 */
public class CharDeviceOps {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final CharDevice dev = new CharDevice(heap, "video0", new LockedCallGate(heap, "video0"));

    public CharDeviceOps() {
        InvocationCounter.tick();
    }

    /** open, ioctl, close: {@code 0}, or {@code -ENXIO} if the open or the ioctl found the device disconnected. */
    @Operation
    public int openIoctlClose() {
        OpenFile f = dev.open(0);
        if (f == null) {
            return Errno.ENXIO;
        }
        int ret = f.ioctl();
        f.release();
        return ret;
    }

    /** The driver's {@code .remove()}: the calls still in flight when the hardware was unregistered (0). */
    @Operation(runOnce = true)
    public int disconnect() {
        return dev.disconnect();
    }

    /** No use after free, double free or resurrection so far (the state may still be held: no leak check). */
    @Validate
    public void noLifetimeViolation() {
        ConcurrentRun.assertNoViolations(heap.violations());
    }
}
