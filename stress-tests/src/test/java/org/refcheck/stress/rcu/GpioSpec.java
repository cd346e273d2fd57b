package org.refcheck.stress.rcu;

import org.refcheck.protocols.gpio.GpioDevice;

/**
 * The sequential specification of {@link GpioOps}: a line that keeps the last value set until the chip is removed;
 * afterwards every call fails with ENODEV, and only the first removal reports that it removed the chip.
 */
public class GpioSpec {

    private boolean present = true;
    private int line;

    public int get() {
        return present ? line : GpioDevice.ENODEV;
    }

    public int set(int value) {
        if (!present) {
            return GpioDevice.ENODEV;
        }
        line = value;
        return 0;
    }

    public boolean remove() {
        boolean removed = present;
        present = false;
        return removed;
    }
}
