package org.refcheck.protocols.arc.mutant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.refcheck.backend.Backend;
import org.refcheck.backend.BackendThread;
import org.refcheck.backend.Backends;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Completion;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedLong;
import org.refcheck.sync.SharedRef;

/**
 * A test back-end that logs every {@link SharedInt} access (as {@code "label mode"}) and every fence, and forwards
 * everything to the production back-end. It shows exactly which atomic steps, with which access modes, a protocol
 * ran: enough to prove that a weak-memory-only mutant differs from the correct protocol in one ordering and in
 * nothing else.
 */
final class RecordingBackend implements Backend {

    private final Backend production = Backends.production();
    private final List<String> log = new CopyOnWriteArrayList<>();

    /** Runs {@code body} on a thread bound to this back-end and returns the log it produced. */
    static List<String> record(Runnable body) throws InterruptedException {
        RecordingBackend backend = new RecordingBackend();
        Throwable[] failure = new Throwable[1];
        BackendThread thread = new BackendThread(backend, () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "recorded");
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw new AssertionError("recorded body failed", failure[0]);
        }
        return List.copyOf(backend.log);
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public SharedInt newInt(String label, int initial) {
        return new RecordingInt(production.newInt(label, initial));
    }

    @Override
    public SharedLong newLong(String label, long initial) {
        return production.newLong(label, initial);
    }

    @Override
    public <V> SharedRef<V> newRef(String label, V initial) {
        return production.newRef(label, initial);
    }

    @Override
    public Mutex newMutex(String label) {
        return production.newMutex(label);
    }

    @Override
    public Completion newCompletion(String label) {
        return production.newCompletion(label);
    }

    @Override
    public Allocation allocate(LifetimeTracker tracker, String label) {
        return production.allocate(tracker, label);
    }

    @Override
    public Joinable spawn(String name, Runnable body) {
        return production.spawn(name, body);
    }

    @Override
    public Joinable self() {
        return production.self();
    }

    @Override
    public void park() {
        production.park();
    }

    @Override
    public void onSpinWait() {
        log.add("onSpinWait");
        production.onSpinWait();
    }

    @Override
    public void fullFence() {
        log.add("fullFence");
        production.fullFence();
    }

    @Override
    public void acquireFence() {
        log.add("acquireFence");
        production.acquireFence();
    }

    @Override
    public void releaseFence() {
        log.add("releaseFence");
        production.releaseFence();
    }

    @Override
    public boolean mayFail(String label) {
        log.add("mayFail " + label);
        return production.mayFail(label);
    }

    private final class RecordingInt implements SharedInt {

        private final SharedInt delegate;

        RecordingInt(SharedInt delegate) {
            this.delegate = delegate;
        }

        private void record(String mode) {
            log.add(delegate.label() + " " + mode);
        }

        @Override
        public String label() {
            return delegate.label();
        }

        @Override
        public int getPlain() {
            record("getPlain");
            return delegate.getPlain();
        }

        @Override
        public void setPlain(int value) {
            record("setPlain");
            delegate.setPlain(value);
        }

        @Override
        public int getOpaque() {
            record("getOpaque");
            return delegate.getOpaque();
        }

        @Override
        public void setOpaque(int value) {
            record("setOpaque");
            delegate.setOpaque(value);
        }

        @Override
        public int getAcquire() {
            record("getAcquire");
            return delegate.getAcquire();
        }

        @Override
        public void setRelease(int value) {
            record("setRelease");
            delegate.setRelease(value);
        }

        @Override
        public int getVolatile() {
            record("getVolatile");
            return delegate.getVolatile();
        }

        @Override
        public void setVolatile(int value) {
            record("setVolatile");
            delegate.setVolatile(value);
        }

        @Override
        public boolean compareAndSet(int expected, int newValue) {
            record("compareAndSet");
            return delegate.compareAndSet(expected, newValue);
        }

        @Override
        public int compareAndExchange(int expected, int newValue) {
            record("compareAndExchange");
            return delegate.compareAndExchange(expected, newValue);
        }

        @Override
        public int compareAndExchangeAcquire(int expected, int newValue) {
            record("compareAndExchangeAcquire");
            return delegate.compareAndExchangeAcquire(expected, newValue);
        }

        @Override
        public int compareAndExchangeRelease(int expected, int newValue) {
            record("compareAndExchangeRelease");
            return delegate.compareAndExchangeRelease(expected, newValue);
        }

        @Override
        public boolean weakCompareAndSetPlain(int expected, int newValue) {
            record("weakCompareAndSetPlain");
            return delegate.weakCompareAndSetPlain(expected, newValue);
        }

        @Override
        public boolean weakCompareAndSet(int expected, int newValue) {
            record("weakCompareAndSet");
            return delegate.weakCompareAndSet(expected, newValue);
        }

        @Override
        public boolean weakCompareAndSetAcquire(int expected, int newValue) {
            record("weakCompareAndSetAcquire");
            return delegate.weakCompareAndSetAcquire(expected, newValue);
        }

        @Override
        public boolean weakCompareAndSetRelease(int expected, int newValue) {
            record("weakCompareAndSetRelease");
            return delegate.weakCompareAndSetRelease(expected, newValue);
        }

        @Override
        public int getAndAdd(int delta) {
            record("getAndAdd");
            return delegate.getAndAdd(delta);
        }

        @Override
        public int getAndAddAcquire(int delta) {
            record("getAndAddAcquire");
            return delegate.getAndAddAcquire(delta);
        }

        @Override
        public int getAndAddRelease(int delta) {
            record("getAndAddRelease");
            return delegate.getAndAddRelease(delta);
        }

        @Override
        public int getAndSet(int value) {
            record("getAndSet");
            return delegate.getAndSet(value);
        }

        @Override
        public int getAndSetAcquire(int value) {
            record("getAndSetAcquire");
            return delegate.getAndSetAcquire(value);
        }

        @Override
        public int getAndSetRelease(int value) {
            record("getAndSetRelease");
            return delegate.getAndSetRelease(value);
        }
    }
}
