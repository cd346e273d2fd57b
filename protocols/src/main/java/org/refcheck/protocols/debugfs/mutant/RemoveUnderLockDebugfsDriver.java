package org.refcheck.protocols.debugfs.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.debugfs.DebugfsDriver;
import org.refcheck.sync.Mutex;

/**
 * Mutant B19: the driver removes its debugfs file while holding the lock the file's handler takes.
 *
 * <p>Overrides {@link DebugfsDriver#teardown()}: lock, remove the file (waiting for its users), free the state,
 * unlock.
 *
 * <p>Exposing interleaving (catalogue bug B19; commit f4acfcd4deb1: "When you take a lock in a debugfs handler but
 * also try to remove the debugfs file under that lock, things can deadlock since the removal has to wait for all
 * users to finish"): user U's read takes a use reference and blocks on the driver lock; remover R, holding the
 * lock, drops the initial reference (not the last) and waits for U's put. Symptom: <b>deadlock</b>: U waits for
 * the lock R holds, R waits for the completion only U can fire.
 */
public class RemoveUnderLockDebugfsDriver extends DebugfsDriver {

    public RemoveUnderLockDebugfsDriver(LifetimeTracker heap, String label) {
        super(heap, label);
    }

    /** The bug: waits for the file's users with their lock held. */
    @Override
    public void teardown() {
        try (Mutex.Guard held = lock().lock()) {
            file().remove();
            state().free();
        }
    }
}
