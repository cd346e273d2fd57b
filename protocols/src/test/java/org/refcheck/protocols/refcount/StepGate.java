package org.refcheck.protocols.refcount;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;

/**
 * Test support: pauses a chosen thread just before or just after one atomic step of a {@link Refcount}, so a test
 * can drive an interleaving by hand. Counters made by {@link #factory()} report every step to the gate; a
 * {@link Pause} armed for (thread, when, step) fires once, the first time that thread reaches that point.
 *
 * <pre> {@code
 * StepGate gate = new StepGate();
 * Ref<String> a = Ref.create(heap, "v", gate.factory());
 * Thread t1 = new Thread(a::drop);
 * StepGate.Pause p = gate.arm(t1, When.AFTER, Step.FETCH_SUB);
 * t1.start(); p.awaitArrival();   // t1 decremented and is stopped before its next step
 * ...                             // the other thread's steps
 * p.resume(); t1.join();
 * }</pre>
 */
public final class StepGate {

    /** The kinds of atomic step of a {@link Refcount}. */
    public enum Step {
        /** {@code atomic_read}. */
        READ,
        /** {@code atomic_set} / {@code atomic_set_release}, including the saturating store. */
        SET,
        /** {@code atomic_fetch_add_relaxed}. */
        FETCH_ADD,
        /** {@code atomic_fetch_sub_release}. */
        FETCH_SUB,
        /** Any compare-and-exchange. */
        CAS,
        /** {@code refcount_warn_saturate} as a whole (its store and its warning). */
        SATURATE,
        /** Matches every step. */
        ANY
    }

    /** Whether a pause stops the thread before the step or after it. */
    public enum When { BEFORE, AFTER }

    private static final long TIMEOUT_SECONDS = 20;

    private final List<Pause> pauses = new CopyOnWriteArrayList<>();

    /** Arms a pause for {@code thread} (typically created but not started yet). */
    public Pause arm(Thread thread, When when, Step step) {
        Pause pause = new Pause(thread, when, step);
        pauses.add(pause);
        return pause;
    }

    /** Makes full-width counters that report their steps to this gate. */
    public Refcount.Factory factory() {
        return factory(RefcountWidth.FULL);
    }

    /** Makes counters of the given width that report their steps to this gate. */
    public Refcount.Factory factory(RefcountWidth width) {
        return (tracker, label, initial, owner) -> new Gated(tracker, label, initial, width, owner, this);
    }

    void at(When when, Step step) {
        Thread current = Thread.currentThread();
        for (Pause pause : pauses) {
            if (pause.thread == current && pause.when == when && (pause.step == step || pause.step == Step.ANY)
                    && pause.fired.compareAndSet(false, true)) {
                pause.arrived.countDown();
                await(pause.resumed, "resume of " + pause);
            }
        }
    }

    static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("timed out waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted waiting for " + what);
        }
    }

    /** One armed stop. */
    public static final class Pause {
        private final Thread thread;
        private final When when;
        private final Step step;
        private final AtomicBoolean fired = new AtomicBoolean();
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch resumed = new CountDownLatch(1);

        private Pause(Thread thread, When when, Step step) {
            this.thread = thread;
            this.when = when;
            this.step = step;
        }

        /** Blocks until the thread is stopped at the armed point. */
        public void awaitArrival() {
            StepGate.await(arrived, "arrival of " + this);
        }

        /** Lets the stopped thread continue. */
        public void resume() {
            resumed.countDown();
        }

        @Override
        public String toString() {
            return thread.getName() + " " + when.name().toLowerCase() + " " + step;
        }
    }

    /** A counter that reports each step to the gate. */
    private static final class Gated extends Refcount {
        private final StepGate gate;

        Gated(LifetimeTracker tracker, String label, int initial, RefcountWidth width, Allocation owner,
                StepGate gate) {
            super(tracker, label, initial, width, owner);
            this.gate = gate;
        }

        @Override
        protected void saturate(RefcountWarning type) {
            gate.at(When.BEFORE, Step.SATURATE);
            super.saturate(type);
            gate.at(When.AFTER, Step.SATURATE);
        }

        @Override
        protected int countOpaque() {
            gate.at(When.BEFORE, Step.READ);
            int v = super.countOpaque();
            gate.at(When.AFTER, Step.READ);
            return v;
        }

        @Override
        protected void setCountOpaque(int value) {
            gate.at(When.BEFORE, Step.SET);
            super.setCountOpaque(value);
            gate.at(When.AFTER, Step.SET);
        }

        @Override
        protected void setCountRelease(int value) {
            gate.at(When.BEFORE, Step.SET);
            super.setCountRelease(value);
            gate.at(When.AFTER, Step.SET);
        }

        @Override
        protected int getAndAddCount(int delta) {
            gate.at(When.BEFORE, Step.FETCH_ADD);
            int v = super.getAndAddCount(delta);
            gate.at(When.AFTER, Step.FETCH_ADD);
            return v;
        }

        @Override
        protected int getAndAddCountRelease(int delta) {
            gate.at(When.BEFORE, Step.FETCH_SUB);
            int v = super.getAndAddCountRelease(delta);
            gate.at(When.AFTER, Step.FETCH_SUB);
            return v;
        }

        @Override
        protected boolean weakCasCountPlain(int expected, int value) {
            gate.at(When.BEFORE, Step.CAS);
            boolean ok = super.weakCasCountPlain(expected, value);
            gate.at(When.AFTER, Step.CAS);
            return ok;
        }

        @Override
        protected int compareAndExchangeCountAcquire(int expected, int value) {
            gate.at(When.BEFORE, Step.CAS);
            int v = super.compareAndExchangeCountAcquire(expected, value);
            gate.at(When.AFTER, Step.CAS);
            return v;
        }

        @Override
        protected int compareAndExchangeCountRelease(int expected, int value) {
            gate.at(When.BEFORE, Step.CAS);
            int v = super.compareAndExchangeCountRelease(expected, value);
            gate.at(When.AFTER, Step.CAS);
            return v;
        }
    }
}
