package org.refcheck.stress.rcu;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.function.BiFunction;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.gpio.GpioChip;
import org.refcheck.protocols.gpio.GpioDevice;
import org.refcheck.protocols.gpio.mutant.NullCheckGpioDevice;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * A user-space call reads a GPIO line while the driver unbinds: {@code gpiochip_remove} numbs the device and the
 * chip is freed. The chip is a slow expander (its callback takes about a microsecond before touching the hardware,
 * in both twins). With the SRCU-protected pointer the removal waits for the call; catalogue bug B16's plain NULL
 * check lets the call into a chip freed under it.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t GpioCallVsRemoveTests}
 */
public final class GpioCallVsRemoveTests {

    private GpioCallVsRemoveTests() {
    }

    /** One sample: a device (correct or mutant) over a slow chip. */
    static final class Race {
        final LifetimeTracker heap = new LifetimeTracker();
        final GpioDevice gdev;

        Race(BiFunction<String, GpioChip, GpioDevice> device) {
            gdev = device.apply("gpiochip0", new GpioChip(heap, "gc", 1) {
                @Override
                public int get(int offset) {
                    Preemption.pause();
                    return super.get(offset);
                }
            });
        }

        String finish() {
            return LifetimeFindings.finish(heap);
        }
    }

    /** drivers/gpio/gpiolib.c with SRCU. */
    @JCStressTest
    @Checks(protocol = "gpio-chip", variant = "correct")
    @Description("A line read through the SRCU-protected chip pointer against gpiochip_remove and the chip's free.")
    @Ref("drivers/gpio/gpiolib.c (gpio: protect the pointer to gpio_chip in gpio_device with SRCU)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the call read the line before the removal's grace period ended, or got ENODEV")
    @Outcome(id = ".*use after free.*", expect = FORBIDDEN, desc = "the chip was freed under a call in flight")
    @Outcome(expect = FORBIDDEN, desc = "a leak or a double free")
    @State
    public static class SrcuProtected {

        private final Race race = new Race(GpioDevice::new);

        /** The user-space call. */
        @Actor
        public void call() {
            race.gdev.getValue(0);
        }

        /** The driver's unbind. */
        @Actor
        public void remove() {
            race.gdev.unregister();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }

    /** Mutant B16: the NULL check without protection ({@link NullCheckGpioDevice}). */
    @JCStressTest
    @Checks(protocol = "gpio-chip", variant = "null-check")
    @Description("A line read that checks gdev->chip for NULL, against gpiochip_remove and the chip's free.")
    @Ref("drivers/gpio/gpiolib.c (\"Numb the device, cancelling all outstanding operations\")")
    @Outcome(id = "clean", expect = ACCEPTABLE, desc = "the call finished before the free, or saw NULL")
    @Outcome(id = "use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the call passed the NULL check, the removal numbed the device and freed the chip, and the "
                    + "call used the freed chip")
    @Outcome(expect = FORBIDDEN, desc = "a leak, a double free, or any other finding")
    @State
    public static class NullCheck {

        private final Race race = new Race(NullCheckGpioDevice::new);

        /** The user-space call. */
        @Actor
        public void call() {
            race.gdev.getValue(0);
        }

        /** The driver's unbind. */
        @Actor
        public void remove() {
            race.gdev.unregister();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }
}
