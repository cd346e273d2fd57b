package org.refcheck.protocols.cdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.cdev.mutant.DevmStateCharDevice;
import org.refcheck.protocols.cdev.mutant.NoWaitCallGate;

/** A character device used by one thread: calls, disconnect, and the state's reference counting. */
class CharDeviceTest {

    @Test
    void callsSucceedUntilTheDisconnectAndTheLastCloseFreesTheState() {
        LifetimeTracker heap = new LifetimeTracker();
        CharDevice dev = new CharDevice(heap, "video0", new LockedCallGate(heap, "video0"));
        OpenFile f = dev.open(0);
        assertNotNull(f);
        assertEquals(0, f.read());
        assertEquals(0, f.ioctl());
        assertEquals(0, dev.disconnect(), "no call in flight when the hardware went");
        assertEquals(Errno.ENXIO, f.read());
        assertNull(dev.open(0), "no open after the disconnect");
        assertEquals(1, heap.unfreed().size(), "the open file still holds the state: " + heap.unfreed());
        f.release();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void withoutOpenFilesTheDisconnectFreesEverything() {
        LifetimeTracker heap = new LifetimeTracker();
        CharDevice dev = new CharDevice(heap, "video0", new PercpuCallGate("video0", 1));
        dev.open(0).release();
        dev.disconnect();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void aFileIsReleasedOnce() {
        LifetimeTracker heap = new LifetimeTracker();
        CharDevice dev = new CharDevice(heap, "video0", new LockedCallGate(heap, "video0"));
        OpenFile f = dev.open(0);
        f.release();
        assertThrows(IllegalStateException.class, f::release);
    }

    @Test
    void disconnectingFromInsideACallWithoutWaitingUnregistersTheHardwareUnderIt() {
        LifetimeTracker heap = new LifetimeTracker();
        CharDevice[] dev = new CharDevice[1];
        int[] left = new int[1];
        dev[0] = new CharDevice(heap, "video0", new NoWaitCallGate(heap, "video0"), () -> left[0] = dev[0].disconnect());
        OpenFile f = dev[0].open(0);
        assertEquals(0, f.read());
        assertEquals(1, left[0], "the disconnect returned with this call in flight");
        f.release();
        List<Violation> found = heap.finish();
        assertTrue(found.stream().anyMatch(v -> v.kind() == ViolationKind.USE_AFTER_FREE
                && v.allocation().equals("video0.hardware")), found.toString());
    }

    @Test
    void devmStateIsFreedUnderAnOpenFile() {
        LifetimeTracker heap = new LifetimeTracker();
        CharDevice dev = new DevmStateCharDevice(heap, "video0", new LockedCallGate(heap, "video0"));
        OpenFile f = dev.open(0);
        dev.disconnect();
        f.release();
        List<Violation> found = heap.finish();
        assertTrue(found.stream().anyMatch(v -> v.kind() == ViolationKind.USE_AFTER_FREE), found.toString());
    }
}
