package org.refcheck.protocols.refcount;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Test support: the threads of one hand-driven interleaving. Failures inside an actor are rethrown by
 * {@link #joinAll()}, and {@link #awaitBlockedOrDone(Thread)} waits until an actor has either finished or is blocked
 * on a facade {@link org.refcheck.sync.Mutex} (the production mutex parks on a semaphore), which are the only two
 * things a correctly locked actor can end up doing while another is paused.
 */
public final class Actors {

    private static final long TIMEOUT_NANOS = 20_000_000_000L;

    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** Creates (does not start) an actor. */
    public Thread actor(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
        threads.add(t);
        return t;
    }

    /** Waits until {@code t} has terminated or is parked on a facade mutex. */
    public void awaitBlockedOrDone(Thread t) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            Thread.State state = t.getState();
            if (state == Thread.State.TERMINATED) {
                return;
            }
            Object blocker = LockSupport.getBlocker(t);
            if (state == Thread.State.WAITING && blocker != null
                    && blocker.getClass().getName().startsWith(Semaphore.class.getName())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail(t.getName() + " neither finished nor blocked on a mutex: " + state);
            }
            Thread.onSpinWait();
        }
    }

    /** Joins every actor and rethrows the first failure. */
    public void joinAll() throws InterruptedException {
        for (Thread t : threads) {
            t.join(TIMEOUT_NANOS / 1_000_000);
            if (t.isAlive()) {
                fail(t.getName() + " did not finish");
            }
        }
        Throwable first = failures.peek();
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new AssertionError(first);
        }
    }
}
