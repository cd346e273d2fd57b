package org.refcheck.stress.lincheck;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;

/**
 * Runs the threads of one {@code Lincheck.runConcurrentTest} invocation and asserts on the main thread.
 *
 * <p>{@code runConcurrentTest} only looks at what the main-thread lambda throws: an exception or assertion failure
 * in a thread the test spawns is silently ignored (an RCU toy with the assertion inside the reader thread "passed"
 * for 633 invocations). So actors never assert themselves: this class starts one thread per actor, joins them all,
 * then on the calling thread rethrows the first actor's throwable and fails on any lifetime violation the tracker
 * collected, leaks included:
 *
 * <pre> {@code
 * Lincheck.runConcurrentTest(LincheckSizes.invocations(), () -> {
 *     LifetimeTracker heap = new LifetimeTracker();
 *     Arc<Payload> first = Arc.create(heap, new Payload());
 *     Arc<Payload> second = first.cloneArc();
 *     ConcurrentRun.inThreads(heap, first::drop, second::drop);
 * });
 * }</pre>
 *
 * <p>Each call also counts one invocation ({@link InvocationCounter}), and the message of every failure it raises
 * is kept where Lincheck does not reset it ({@link #lastFailure()}), so that the verdict survives a Lincheck that
 * finds the failure but then crashes while rendering its trace.
 */
public final class ConcurrentRun {

    private static final String LAST_FAILURE = "refcheck.lincheck.lastFailure";

    private ConcurrentRun() {
    }

    /**
     * The message of the last failure this class raised in this JVM since {@link #clearLastFailure()}, or
     * {@code ""}. Kept in {@link System#getProperties()}, which Lincheck does not restore between invocations.
     */
    public static String lastFailure() {
        return System.getProperty(LAST_FAILURE, "");
    }

    /** Forgets {@link #lastFailure()}; {@link LincheckVerdicts} calls it before each check. */
    public static void clearLastFailure() {
        System.clearProperty(LAST_FAILURE);
    }

    /**
     * Runs each actor in its own thread, joins them, and then, on the calling thread, throws if an actor threw or if
     * {@link LifetimeTracker#finish()} reports a violation (a leak included).
     */
    public static void inThreads(LifetimeTracker heap, Runnable... actors) {
        joinAll(actors);
        assertNoViolations(heap.finish());
    }

    /** Like {@link #inThreads}, but without the leak check: for tests that keep references past the threads. */
    public static void inThreadsNoLeakCheck(LifetimeTracker heap, Runnable... actors) {
        joinAll(actors);
        assertNoViolations(heap.violations());
    }

    /** Fails with every violation listed, if there is any. */
    public static void assertNoViolations(List<Violation> violations) {
        if (!violations.isEmpty()) {
            StringBuilder text = new StringBuilder(violations.size() + " lifetime violation(s):");
            for (Violation v : violations) {
                text.append("\n  ").append(v);
            }
            throw failure(text.toString(), null);
        }
    }

    private static void joinAll(Runnable... actors) {
        InvocationCounter.tick();
        Throwable[] thrown = new Throwable[actors.length];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < actors.length; i++) {
            int slot = i;
            Runnable actor = actors[i];
            threads.add(new Thread(() -> {
                try {
                    actor.run();
                } catch (Throwable t) {
                    thrown[slot] = t;
                }
            }, "actor-" + (i + 1)));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while joining " + t.getName(), e);
            }
        }
        for (int i = 0; i < thrown.length; i++) {
            if (thrown[i] != null) {
                throw failure("actor-" + (i + 1) + " threw " + thrown[i], thrown[i]);
            }
        }
    }

    private static AssertionError failure(String message, Throwable cause) {
        System.setProperty(LAST_FAILURE, message);
        return new AssertionError(message, cause);
    }
}
