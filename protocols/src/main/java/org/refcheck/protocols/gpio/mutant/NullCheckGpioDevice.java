package org.refcheck.protocols.gpio.mutant;

import org.refcheck.protocols.gpio.GpioChip;
import org.refcheck.protocols.gpio.GpioDevice;

/**
 * Mutant B16: gpiolib's plain "numbing" before SRCU. Calls check {@code gdev->chip != NULL} and then use the chip
 * with nothing keeping it alive; removal sets the pointer to NULL and the driver frees the chip without waiting for
 * calls in flight.
 *
 * <p>Exposing interleaving (catalogue bug B16): T1's call reads the chip pointer, finds it non-NULL and passes the
 * check. T2 runs {@code gpiochip_remove}: {@code gdev->chip = NULL}, and the driver frees the chip. T1 calls into the
 * freed chip. Symptom: <b>use after free</b> (Golaszewski 2022: "the kernel can call gpiochip_remove() ... which will
 * set gdev->chip to NULL after which any subsequent access will cause a crash").
 */
public class NullCheckGpioDevice extends GpioDevice {

    public NullCheckGpioDevice(String label, GpioChip chip) {
        super(label, chip);
    }

    /** The bug: a NULL check instead of an SRCU section. */
    @Override
    public int getValue(int offset) {
        GpioChip gc = chip().access();
        if (gc == null) {
            return ENODEV;
        }
        return gc.get(offset);
    }

    /** The bug: a NULL check instead of an SRCU section. */
    @Override
    public int setValue(int offset, int value) {
        GpioChip gc = chip().access();
        if (gc == null) {
            return ENODEV;
        }
        gc.set(offset, value);
        return 0;
    }

    /** The bug: numbs the device and frees the chip without waiting for calls in flight. */
    @Override
    public boolean unregister() {
        GpioChip gc = chip().replace(null);
        if (gc == null) {
            return false;
        }
        gc.free();
        return true;
    }
}
