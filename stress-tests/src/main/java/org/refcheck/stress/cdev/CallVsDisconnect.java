package org.refcheck.stress.cdev;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.cdev.CallGate;
import org.refcheck.protocols.cdev.CharDevice;
import org.refcheck.protocols.cdev.OpenFile;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.refcount.PreemptedRefcount;

/**
 * One race of a jcstress test of the cdev disconnect: a user with a file opened beforehand makes one ioctl and
 * closes the file, while the driver disconnects the device. The driver's handler pauses for about a microsecond
 * inside the call ({@link PreemptedRefcount#pause()}), the time a call spends in a real driver, for the correct
 * gate and its mutants alike.
 *
 * <p>The outcome is {@code "<call>, <disconnect>, <findings>"}: {@code called} or {@code refused} (the ioctl
 * returned {@code -ENXIO}); {@code drained} or {@code call in flight} (the disconnect found a call still inside the
 * handler when it unregistered the hardware); then the lifetime tracker's findings
 * ({@link LifetimeFindings}).
 */
final class CallVsDisconnect {

    /** The device under test, made over the tracker and a call gate. */
    @FunctionalInterface
    interface DeviceMaker {
        CharDevice create(LifetimeTracker heap, String label, CallGate gate, CharDevice.Handler handler);
    }

    /** The gate under test. */
    @FunctionalInterface
    interface GateMaker {
        CallGate create(LifetimeTracker heap, String label);
    }

    private final LifetimeTracker heap = new LifetimeTracker();
    private final CharDevice dev;
    private final OpenFile file;
    private int ret;
    private int left;

    CallVsDisconnect(GateMaker gates, DeviceMaker devices) {
        dev = devices.create(heap, "video0", gates.create(heap, "video0"), PreemptedRefcount::pause);
        file = dev.open(0);
    }

    /** The user: one ioctl on CPU slot 0, then close. */
    void user() {
        ret = file.ioctl();
        file.release();
    }

    /** The driver's {@code .remove()}. */
    void disconnect() {
        left = dev.disconnect();
    }

    /** The outcome, once both actors are done. */
    String finish() {
        return (ret == 0 ? "called" : ret == Errno.ENXIO ? "refused" : Errno.name(ret)) + ", "
                + (left == 0 ? "drained" : "call in flight") + ", " + LifetimeFindings.finish(heap);
    }
}
