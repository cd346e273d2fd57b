package org.refcheck.backend;

import java.util.Objects;

/**
 * A thread whose facade operations go to a given back-end rather than the production one.
 *
 * <p>The model checker runs each logical thread of a test as a {@code BackendThread} bound to its own back-end;
 * every other thread (JUnit's, jcstress's actors, Lincheck's workers, production threads) uses the production
 * back-end. Binding per thread, not per JVM, lets the three checkers share one JVM and one protocol source.
 */
public class BackendThread extends Thread {

    private final Backend backend;

    public BackendThread(Backend backend, Runnable task, String name) {
        super(task, name);
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** The back-end this thread's facade operations use. */
    public final Backend backend() {
        return backend;
    }
}
