package org.refcheck.stress.lincheck;

/**
 * Counts Lincheck invocations in state Lincheck does not restore.
 *
 * <p>Lincheck resets static fields between invocations (a {@code static AtomicLong} reads 0 again afterwards), so a
 * counter must live elsewhere: here, a string in {@link System#getProperties()}. Call {@link #tick()} once per
 * invocation, from the body of {@code Lincheck.runConcurrentTest} (that is what {@link ConcurrentRun} does) or from
 * the constructor of a Lincheck operations class; the count includes Lincheck's own replays (trace collection,
 * minimisation).
 */
public final class InvocationCounter {

    private static final String KEY = "refcheck.lincheck.invocations";

    private InvocationCounter() {
    }

    /**
     * Counts one invocation. Call it from one thread per invocation (the test's main thread, or the constructor
     * Lincheck runs once per invocation): it takes no lock, so that it adds no synchronisation Lincheck would
     * explore.
     */
    public static void tick() {
        System.setProperty(KEY, Long.toString(read() + 1));
    }

    /** The invocations counted so far in this JVM. */
    public static long read() {
        String value = System.getProperty(KEY);
        return value == null ? 0 : Long.parseLong(value);
    }
}
