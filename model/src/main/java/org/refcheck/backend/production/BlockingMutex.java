package org.refcheck.backend.production;

import java.util.concurrent.Semaphore;
import org.refcheck.sync.Mutex;

/**
 * The production {@link Mutex}: a one-permit semaphore, so that it is not reentrant (locking it twice from one
 * thread blocks, as a kernel mutex does) and may be unlocked by a guard handed to another method.
 */
final class BlockingMutex implements Mutex {

    private final String label;
    private final Semaphore permit = new Semaphore(1);

    BlockingMutex(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Guard lock() {
        permit.acquireUninterruptibly();
        return new Held();
    }

    @Override
    public Guard tryLock() {
        return permit.tryAcquire() ? new Held() : null;
    }

    @Override
    public boolean isLocked() {
        return permit.availablePermits() == 0;
    }

    @Override
    public String toString() {
        return label + (isLocked() ? " (locked)" : " (unlocked)");
    }

    /** One holding of the mutex; only the first close releases the permit. */
    private final class Held implements Guard {
        private boolean released;

        @Override
        public Mutex mutex() {
            return BlockingMutex.this;
        }

        @Override
        public void close() {
            if (released) {
                throw new IllegalStateException(label + " unlocked twice through the same guard");
            }
            released = true;
            permit.release();
        }
    }
}
