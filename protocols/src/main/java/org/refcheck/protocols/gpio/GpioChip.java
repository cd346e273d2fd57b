package org.refcheck.protocols.gpio;

import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.SharedInt;

/**
 * The driver's {@code struct gpio_chip}: the hardware side of a GPIO controller, owned by the driver and freed when
 * it unbinds (drivers/gpio/gpiolib.c, include/linux/gpio/driver.h).
 *
 * <p>Its lines are cells standing for the controller's registers; every callback touches the chip's memory first,
 * so a call that reaches a freed chip is a use after free. A subclass may stand for a slow controller (an I2C or
 * USB expander) by overriding the callbacks.
 *
 * <p>Memory consistency effects: none beyond those of the line cells' opaque accesses.
 */
public class GpioChip {

    /*
     * Implementation notes. Lifetime: REGISTERED (reachable through a gpio_device) -> unregistered by
     * gpiochip_remove -> FREED by the driver. The chip does not know whether it is registered; the gpio_device
     * protocol must keep calls from reaching it once freed.
     */

    private final Allocation memory;
    private final SharedInt[] lines;

    /** A chip with {@code ngpio} lines, all low. */
    public GpioChip(LifetimeTracker heap, String label, int ngpio) {
        this.memory = heap.allocate(label);
        this.lines = new SharedInt[ngpio];
        for (int i = 0; i < ngpio; i++) {
            lines[i] = SharedInt.of(label + ".line" + i, 0);
        }
    }

    /** The number of lines. */
    public int ngpio() {
        return lines.length;
    }

    /** {@code gc->get(gc, offset)}. */
    public int get(int offset) {
        memory.access();
        return lines[offset].getOpaque();
    }

    /** {@code gc->set(gc, offset, value)}. */
    public void set(int offset, int value) {
        memory.access();
        lines[offset].setOpaque(value);
    }

    /** The driver frees the chip after {@code gpiochip_remove} returned. */
    public void free() {
        memory.free();
    }

    /** The chip's memory, for tests that inspect its state. */
    public Allocation memory() {
        return memory;
    }
}
