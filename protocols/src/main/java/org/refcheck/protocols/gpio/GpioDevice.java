package org.refcheck.protocols.gpio;

import java.util.Objects;
import org.refcheck.protocols.rcu.RcuPointer;
import org.refcheck.protocols.rcu.Srcu;
import org.refcheck.protocols.rcu.SrcuReadGuard;

/**
 * gpiolib's {@code struct gpio_device}: the long-lived object that user space reaches (through the GPIO character
 * device), with an SRCU-protected pointer to the driver's {@link GpioChip}. Calls dereference the chip inside an
 * SRCU read-side section and fail with {@code -ENODEV} once it is gone; {@link #unregister()} clears the pointer,
 * waits for the calls in flight, and then the chip may be freed.
 *
 * <p>Follows drivers/gpio/gpiolib.c after "gpio: protect the pointer to gpio_chip in gpio_device with SRCU" (2024):
 * readers use {@code guard(srcu)(&gdev->srcu); gc = srcu_dereference(gdev->chip); if (!gc) return -ENODEV;},
 * {@code gpiochip_remove} does {@code rcu_assign_pointer(gdev->chip, NULL); synchronize_srcu(&gdev->srcu);} before
 * tearing the chip down. The plain {@code if (!gdev->chip)} check it replaced is catalogue bug B16.
 *
 * <pre> {@code
 * GpioDevice gdev = new GpioDevice("gpiochip0", chip);
 * int v = gdev.getValue(3);       // a line value, or ENODEV after removal
 * gdev.unregister();              // gpiochip_remove: numb, wait for calls in flight, free the chip
 * }</pre>
 *
 * <p>Memory consistency effects: every chip callback made by a call happens-before {@link #unregister()} returns;
 * a call that starts after {@code unregister()} returned sees no chip.
 */
public class GpioDevice {

    /*
     * Implementation notes. chip: REGISTERED --unregister()--> NULL (numbed; calls in flight may still use the
     * chip they dereferenced) --synchronize_srcu--> nobody holds it --> FREED by unregister. Readers may sleep in
     * their sections, which is why the domain is SRCU and not RCU; the domain belongs to this device alone, so a
     * removal waits only for this device's calls.
     */

    /** {@code -ENODEV}: the chip is gone. */
    public static final int ENODEV = -19;

    private final String label;
    private final Srcu srcu;
    private final RcuPointer<GpioChip> chip;

    /** {@code gpiochip_add_data}: a device with {@code chip} registered. */
    public GpioDevice(String label, GpioChip chip) {
        this.label = Objects.requireNonNull(label, "label");
        this.srcu = new Srcu(label + ".srcu");
        this.chip = new RcuPointer<>(label + ".chip", Objects.requireNonNull(chip, "chip"));
    }

    /** The device's SRCU domain. */
    protected final Srcu srcu() {
        return srcu;
    }

    /** The protected chip pointer. */
    protected final RcuPointer<GpioChip> chip() {
        return chip;
    }

    /** {@code gpiod_get_value}: the line's value, or {@link #ENODEV} if the chip was removed. */
    public int getValue(int offset) {
        try (SrcuReadGuard section = srcu.readLock()) {
            GpioChip gc = chip.dereference(section);
            if (gc == null) {
                return ENODEV;
            }
            return gc.get(offset);
        }
    }

    /** {@code gpiod_set_value}: 0, or {@link #ENODEV} if the chip was removed. */
    public int setValue(int offset, int value) {
        try (SrcuReadGuard section = srcu.readLock()) {
            GpioChip gc = chip.dereference(section);
            if (gc == null) {
                return ENODEV;
            }
            gc.set(offset, value);
            return 0;
        }
    }

    /**
     * {@code gpiochip_remove} followed by the driver's free: numbs the device, waits for calls in flight, frees
     * the chip.
     *
     * @return whether this call removed the chip (false if it was already removed)
     */
    public boolean unregister() {
        GpioChip gc = chip.replace(null);
        if (gc == null) {
            return false;
        }
        srcu.synchronize();
        gc.free();
        return true;
    }

    @Override
    public String toString() {
        return label;
    }
}
