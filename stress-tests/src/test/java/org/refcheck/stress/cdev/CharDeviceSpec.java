package org.refcheck.stress.cdev;

import org.refcheck.protocols.Errno;

/**
 * The sequential specification {@link CharDeviceOps} is held against: a call succeeds exactly while the device is
 * connected; the disconnect happens once and leaves no call in flight.
 *
 * <p>Memory consistency effects: none; Lincheck runs a specification on one thread.
 */
public class CharDeviceSpec {

    private boolean disconnected;

    /** open, ioctl, close: 0 while connected, -ENXIO after the disconnect. */
    public int openIoctlClose() {
        return disconnected ? Errno.ENXIO : 0;
    }

    /** Disconnects; no call is ever in flight in a sequential history. */
    public int disconnect() {
        disconnected = true;
        return 0;
    }
}
