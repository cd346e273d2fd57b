package org.refcheck.protocols.cdev;

import java.util.Objects;

/**
 * A file open on a {@link CharDevice} ({@code struct file} with {@code private_data} pointing at the driver
 * state, fs/char_dev.c): file operations go through the device's call gate; {@link #release()} drops the file's
 * reference to the driver state, whether or not the device is still there.
 *
 * <pre> {@code
 * OpenFile f = dev.open(cpu);
 * if (f != null) {
 *     int ret = f.read();     // 0, or -ENXIO after the disconnect
 *     f.release();
 * }
 * }</pre>
 *
 * <p>One thread uses a file at a time, on the CPU slot it was opened on. Memory consistency effects: those of
 * {@link CharDevice}.
 */
public final class OpenFile {

    private final CharDevice device;
    private final int cpu;
    private boolean released;

    OpenFile(CharDevice device, int cpu) {
        this.device = Objects.requireNonNull(device, "device");
        this.cpu = cpu;
    }

    /** {@code read()}: a gated call; {@code 0}, or {@code -ENXIO} once the device is disconnected. */
    public int read() {
        return device.call(cpu);
    }

    /** {@code unlocked_ioctl()}: a gated call; {@code 0}, or {@code -ENXIO} once the device is disconnected. */
    public int ioctl() {
        return device.call(cpu);
    }

    /** {@code release()}: the last close; drops the file's reference to the driver state. Called once. */
    public void release() {
        if (released) {
            throw new IllegalStateException("file released twice");
        }
        released = true;
        device.putState();
    }
}
