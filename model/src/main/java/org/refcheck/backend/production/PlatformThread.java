package org.refcheck.backend.production;

import org.refcheck.sync.Joinable;

/** The production {@link Joinable}: a platform thread that keeps its failure for {@link #join()} to rethrow. */
final class PlatformThread implements Joinable {

    private final Thread thread;
    private final ParkingPermit permit;
    private volatile Throwable failure;

    private PlatformThread(String name, Runnable body) {
        this.thread = new Thread(() -> {
            ParkingPermit.bind(permit());
            try {
                body.run();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        this.permit = new ParkingPermit(thread);
    }

    private ParkingPermit permit() {
        return permit;
    }

    /** The calling thread as a handle: it can be unparked, not joined. */
    static Joinable self() {
        ParkingPermit own = ParkingPermit.ofCurrentThread();
        return new Joinable() {
            @Override
            public String name() {
                return own.thread().getName();
            }

            @Override
            public void join() {
                throw new IllegalStateException("thread " + name() + " cannot join itself");
            }

            @Override
            public void unpark() {
                own.give();
            }
        };
    }

    @Override
    public void unpark() {
        permit.give();
    }

    static PlatformThread start(String name, Runnable body) {
        PlatformThread started = new PlatformThread(name, body);
        started.thread.start();
        return started;
    }

    @Override
    public String name() {
        return thread.getName();
    }

    @Override
    public void join() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure;
        if (t != null) {
            throw new AssertionError("thread " + name() + " failed: " + t, t);
        }
    }
}
