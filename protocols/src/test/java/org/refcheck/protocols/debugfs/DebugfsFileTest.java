package org.refcheck.protocols.debugfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.Errno;

/** The debugfs proxy used sequentially, and a removal that waits for a user on another thread. */
class DebugfsFileTest {

    @Test
    void operationsRunUntilTheRemovalAndFailWithEioAfterIt() {
        LifetimeTracker heap = new LifetimeTracker();
        DebugfsFile file = new DebugfsFile(heap, "stats");
        int[] runs = new int[1];
        assertEquals(0, file.proxy(() -> runs[0]++));
        file.remove();
        assertEquals(Errno.EIO, file.proxy(() -> runs[0]++));
        assertEquals(1, runs[0], "the real operation must not run on a removed file");
        assertFalse(file.fileGet());
        file.release(() -> runs[0]++);
        assertEquals(2, runs[0], "release runs unconditionally");
        assertTrue(heap.warnings().isEmpty(), heap.warnings().toString());
    }

    @Test
    void anOperationThatThrowsStillPutsItsReference() {
        DebugfsFile file = new DebugfsFile(new LifetimeTracker(), "stats");
        assertThrows(IllegalStateException.class, () -> file.proxy(() -> {
            throw new IllegalStateException("handler failed");
        }));
        file.remove();   // returns at once: the failed operation put its reference
    }

    @Test
    void theRemovalWaitsForTheLastUser() throws Exception {
        DebugfsFile file = new DebugfsFile(new LifetimeTracker(), "stats");
        assertTrue(file.fileGet());
        AtomicBoolean removed = new AtomicBoolean();
        Thread remover = new Thread(() -> {
            file.remove();
            removed.set(true);
        });
        remover.start();
        remover.join(100);
        assertFalse(removed.get(), "the removal returned while a user held a reference");
        file.filePut();
        remover.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(removed.get(), "the last put did not wake the removal");
    }

    @Test
    void aDriverTearsDownAfterItsReadsAndFreesItsStateOnce() {
        LifetimeTracker heap = new LifetimeTracker();
        DebugfsDriver drv = new DebugfsDriver(heap, "wlan0");
        assertEquals(0, drv.read());
        drv.teardown();
        assertEquals(Errno.EIO, drv.read());
        assertEquals(List.of(), heap.finish());
    }
}
