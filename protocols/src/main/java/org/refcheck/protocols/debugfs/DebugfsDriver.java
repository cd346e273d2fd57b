package org.refcheck.protocols.debugfs;

import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Mutex;

/**
 * A driver that exposes lock-protected state through a {@link DebugfsFile}: the file's read handler takes the
 * driver's lock; teardown removes the file first (waiting for readers, fs/debugfs/inode.c {@code debugfs_remove})
 * and only then takes the lock to free the state.
 *
 * <pre> {@code
 * DebugfsDriver drv = new DebugfsDriver(heap, "wlan0");
 * drv.read();        // user: 0, or -EIO once the file is gone
 * drv.teardown();    // remove the file, then free the state under the lock
 * }</pre>
 *
 * <p>Removing the file while holding a lock the handler takes deadlocks: the remover waits for a reader that
 * waits for the remover's lock (the case Johannes Berg's lockdep annotation, commit f4acfcd4deb1, was added to
 * catch; catalogue bug B19).
 *
 * <p>Memory consistency effects: those of {@link DebugfsFile} and of the driver's {@link Mutex}.
 */
public class DebugfsDriver {

    /*
     * Implementation notes. Lock order: a reader holds a use reference of the file and then takes `lock`; the
     * teardown must therefore never wait for the file's users while holding `lock`. Lifetime of `state`:
     * LIVE --teardown, after the file drained--> FREED; every read touches it under the lock.
     */

    private final DebugfsFile file;
    private final Mutex lock;
    private final Allocation state;

    /** A driver for the device named {@code label}, with its state and its debugfs file. */
    public DebugfsDriver(LifetimeTracker heap, String label) {
        Objects.requireNonNull(label, "label");
        this.state = heap.allocate(label + ".state");
        this.lock = Mutex.create(label + ".lock");
        this.file = new DebugfsFile(heap, label + ".debugfs");
    }

    /** A user's read through the debugfs proxy: the handler reads the state under the driver's lock. */
    public int read() {
        return file.proxy(() -> {
            try (Mutex.Guard held = lock.lock()) {
                state.access();
            }
        });
    }

    /** The driver's teardown: removes the debugfs file, then frees the state under the lock. */
    public void teardown() {
        file.remove();
        try (Mutex.Guard held = lock.lock()) {
            state.free();
        }
    }

    /** The file. */
    protected final DebugfsFile file() {
        return file;
    }

    /** The driver's lock, which the read handler takes. */
    protected final Mutex lock() {
        return lock;
    }

    /** The driver's state. */
    protected final Allocation state() {
        return state;
    }
}
