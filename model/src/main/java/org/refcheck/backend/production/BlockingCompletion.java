package org.refcheck.backend.production;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.refcheck.sync.Completion;

/**
 * The production {@link Completion}: the done count under a lock, waiters on its condition, as
 * kernel/sched/completion.c keeps {@code done} under the wait queue's lock.
 */
final class BlockingCompletion implements Completion {

    /** The kernel's {@code UINT_MAX}: completed for every waiter. */
    private static final int ALL = Integer.MAX_VALUE;

    private final String label;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private int done;

    BlockingCompletion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void complete() {
        lock.lock();
        try {
            if (done != ALL) {
                done++;
            }
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void completeAll() {
        lock.lock();
        try {
            done = ALL;
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void await() {
        lock.lock();
        try {
            while (done == 0) {
                available.awaitUninterruptibly();
            }
            if (done != ALL) {
                done--;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isDone() {
        lock.lock();
        try {
            return done != 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return label + " (done " + (isDone() ? "yes" : "no") + ")";
    }
}
