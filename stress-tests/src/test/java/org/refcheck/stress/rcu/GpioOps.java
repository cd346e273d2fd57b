package org.refcheck.stress.rcu;

import java.util.function.BiFunction;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.gpio.GpioChip;
import org.refcheck.protocols.gpio.GpioDevice;
import org.refcheck.protocols.gpio.mutant.NullCheckGpioDevice;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.InvocationCounter;

/**
 * Lincheck operations on one {@link GpioDevice} with a one-line chip, checked for linearizability against
 * {@link GpioSpec}: user-space calls read and write the line while the driver removes the chip. A {@link Validate}
 * function fails the scenario on any lifetime violation, so B16's use of a freed chip is caught even where its
 * results happen to be linearizable. One public subclass per variant, because Lincheck instantiates the class.
 *
 * <p>Memory consistency effects: those of the device; Lincheck's model checking is sequentially consistent.
 */
public abstract class GpioOps {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final GpioDevice gdev;

    protected GpioOps(BiFunction<String, GpioChip, GpioDevice> device) {
        InvocationCounter.tick();
        gdev = device.apply("gpiochip0", new GpioChip(heap, "gc", 1));
    }

    /** {@code gpiod_get_value}: the line, or ENODEV. */
    @Operation
    public int get() {
        return gdev.getValue(0);
    }

    /** {@code gpiod_set_value}: 0, or ENODEV. */
    @Operation
    public int set(@Param(gen = IntGen.class, conf = "0:1") int value) {
        return gdev.setValue(0, value);
    }

    /** The driver unbinds: {@code gpiochip_remove}, then the chip is freed; whether this call removed it. */
    @Operation
    public boolean remove() {
        return gdev.unregister();
    }

    /** No use of a freed chip, whatever the results were. */
    @Validate
    public void noLifetimeViolation() {
        ConcurrentRun.assertNoViolations(heap.violations());
    }

    /** drivers/gpio/gpiolib.c with SRCU. */
    public static class Correct extends GpioOps {
        public Correct() {
            super(GpioDevice::new);
        }
    }

    /** Mutant B16. */
    public static class NullCheck extends GpioOps {
        public NullCheck() {
            super(NullCheckGpioDevice::new);
        }
    }
}
