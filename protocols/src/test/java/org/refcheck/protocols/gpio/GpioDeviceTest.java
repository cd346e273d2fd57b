package org.refcheck.protocols.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.gpio.mutant.NullCheckGpioDevice;

class GpioDeviceTest {

    private final LifetimeTracker heap = new LifetimeTracker();

    @Test
    void callsReachTheChipUntilItIsRemovedAndFailWithEnodevAfter() {
        GpioChip chip = new GpioChip(heap, "gc", 2);
        GpioDevice gdev = new GpioDevice("gpiochip0", chip);
        assertEquals(0, gdev.setValue(1, 1));
        assertEquals(1, gdev.getValue(1));
        assertEquals(0, gdev.getValue(0));
        assertTrue(gdev.unregister());
        assertFalse(gdev.unregister(), "the chip was already removed");
        assertEquals(GpioDevice.ENODEV, gdev.getValue(1));
        assertEquals(GpioDevice.ENODEV, gdev.setValue(0, 1));
        assertEquals(List.of(), heap.finish(), "the chip is freed once, and never touched after");
    }

    @Test
    void theNumbingMutantBehavesTheSameWithoutARace() {
        GpioDevice gdev = new NullCheckGpioDevice("gpiochip0", new GpioChip(heap, "gc", 1));
        assertEquals(0, gdev.setValue(0, 1));
        assertEquals(1, gdev.getValue(0));
        assertTrue(gdev.unregister());
        assertEquals(GpioDevice.ENODEV, gdev.getValue(0));
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void aCallThatPassedTheNullCheckUsesTheFreedChip() {
        GpioDevice[] gdev = new GpioDevice[1];
        GpioChip slow = new GpioChip(heap, "gc", 1) {
            @Override
            public int get(int offset) {
                gdev[0].unregister();       // removal lands between the check and the callback
                return super.get(offset);
            }
        };
        gdev[0] = new NullCheckGpioDevice("gpiochip0", slow);
        gdev[0].getValue(0);
        assertEquals(List.of(ViolationKind.USE_AFTER_FREE), heap.finish().stream().map(v -> v.kind()).toList());
    }
}
