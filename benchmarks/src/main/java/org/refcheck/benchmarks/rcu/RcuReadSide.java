package org.refcheck.benchmarks.rcu;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;
import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.QsbrReadGuard;
import org.refcheck.protocols.rcu.QsbrReader;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuPointer;
import org.refcheck.protocols.rcu.RcuReadGuard;
import org.refcheck.protocols.rcu.RcuReader;

/**
 * The RCU read side ({@code rcu_read_lock}, {@code rcu_dereference}, {@code rcu_read_unlock}) of refcheck's
 * urcu-mb domain ({@link Rcu}) and of its urcu-qsbr domain ({@link QsbrRcu}) against a
 * {@link ReentrantReadWriteLock} read lock, a {@link StampedLock} optimistic read and a plain volatile read of the
 * same pointer, with one and two reader threads and a background updater that replaces the object every
 * {@value #UPDATE_PAUSE} JMH CPU tokens (the RCU updaters also wait for a grace period).
 *
 * <p>Groups are named {@code <mechanism><readers>}; the figure that counts is the reader method's time per read
 * (JMH's secondary result {@code <group>Reader}). A QSBR reader must announce quiescent states or the updater
 * never gets past its grace period, so QSBR is measured two ways: {@code qsbr<n>} is a section (lock, dereference,
 * unlock) plus {@code rcu_quiescent_state()} on every read, and {@code qsbrBatch<n>} a section on every read and a
 * quiescent state every {@value #QUIESCENT_EVERY} reads, as a QSBR application that announces one per batch of work
 * does. The design targets: the RCU read side within 2x of the volatile read, and at least 10x faster than the
 * read-write lock under two readers.
 *
 * <p>How to run only these: {@code java -jar benchmarks/target/benchmarks.jar RcuReadSide}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RcuReadSide {

    /** The updater's pause between two updates, in {@link Blackhole#consumeCPU} tokens. */
    static final long UPDATE_PAUSE = 2_000;

    /** How many reads a {@code qsbrBatch} reader does between two quiescent states. */
    static final int QUIESCENT_EVERY = 64;

    /** What one group shares: every mechanism's copy of the pointer. */
    @State(Scope.Group)
    public static class Shared {
        final Rcu rcu = new Rcu("bench");
        final RcuPointer<Snapshot> pointer = new RcuPointer<>("snapshot", new Snapshot(0));
        final QsbrRcu qsbr = new QsbrRcu("bench.qsbr");
        final RcuPointer<Snapshot> qsbrPointer = new RcuPointer<>("qsbr.snapshot", new Snapshot(0));
        final ReentrantReadWriteLock rwLock = new ReentrantReadWriteLock();
        final StampedLock stamped = new StampedLock();
        Snapshot guarded = new Snapshot(0);
        volatile Snapshot published = new Snapshot(0);
        long version;
    }

    /** One reader thread's registration with the RCU domain. */
    @State(Scope.Thread)
    public static class Reader {
        RcuReader rcu;

        @Setup
        public void register(Shared shared) {
            rcu = shared.rcu.register();
        }

        @TearDown
        public void unregister() {
            rcu.unregister();
        }
    }

    /**
     * One reader thread's registration with the QSBR domain (online from setup to teardown), and its count of reads
     * since its last quiescent state. A reader announces quiescent states only while JMH calls it, which is why the
     * updater does not wait in JMH's warm-down ({@link #qsbrUpdate}).
     */
    @State(Scope.Thread)
    public static class QsbrThread {
        QsbrReader qsbr;
        int sinceQuiescent;

        @Setup
        public void register(Shared shared) {
            qsbr = shared.qsbr.register();
        }

        @TearDown
        public void unregister() {
            qsbr.unregister();
        }
    }

    // ---- RCU (urcu-mb)

    static long rcuRead(Shared s, Reader r) {
        try (RcuReadGuard section = r.rcu.readLock()) {
            return s.pointer.dereference(section).version;
        }
    }

    static void rcuUpdate(Shared s) {
        s.pointer.replace(new Snapshot(++s.version));
        s.rcu.synchronize();   // the old snapshot may be freed from here on
        Blackhole.consumeCPU(UPDATE_PAUSE);
    }

    @Benchmark @Group("rcu1") @GroupThreads(1)
    public long rcu1Reader(Shared s, Reader r) {
        return rcuRead(s, r);
    }

    @Benchmark @Group("rcu1") @GroupThreads(1)
    public void rcu1Updater(Shared s) {
        rcuUpdate(s);
    }

    @Benchmark @Group("rcu2") @GroupThreads(2)
    public long rcu2Reader(Shared s, Reader r) {
        return rcuRead(s, r);
    }

    @Benchmark @Group("rcu2") @GroupThreads(1)
    public void rcu2Updater(Shared s) {
        rcuUpdate(s);
    }

    // ---- RCU (urcu-qsbr)

    static long qsbrSection(Shared s, QsbrThread r) {
        try (QsbrReadGuard section = r.qsbr.readLock()) {
            return s.qsbrPointer.dereference(section).version;
        }
    }

    /** A section and a quiescent state on every read. */
    static long qsbrRead(Shared s, QsbrThread r) {
        long v = qsbrSection(s, r);
        r.qsbr.quiescentState();
        return v;
    }

    /** A section on every read, a quiescent state every {@value #QUIESCENT_EVERY} reads. */
    static long qsbrBatchRead(Shared s, QsbrThread r) {
        long v = qsbrSection(s, r);
        if (++r.sinceQuiescent == QUIESCENT_EVERY) {
            r.sinceQuiescent = 0;
            r.qsbr.quiescentState();
        }
        return v;
    }

    /**
     * Replace and synchronize, except in JMH's warm-down: once a thread of the group has stopped measuring, JMH
     * keeps the others calling only until every thread has stopped, and then holds them at a barrier before the
     * tear-down; a grace period started then would wait for a reader parked at that barrier, which announces
     * nothing, and the iteration would never end. So warm-down updates publish without waiting (no snapshot is
     * freed here; the JVM's collector reclaims them).
     */
    static void qsbrUpdate(Shared s, Control control) {
        s.qsbrPointer.replace(new Snapshot(++s.version));
        if (!control.stopMeasurement) {
            s.qsbr.synchronize();   // the updater is no reader; the old snapshot may be freed from here on
        }
        Blackhole.consumeCPU(UPDATE_PAUSE);
    }

    @Benchmark @Group("qsbr1") @GroupThreads(1)
    public long qsbr1Reader(Shared s, QsbrThread r) {
        return qsbrRead(s, r);
    }

    @Benchmark @Group("qsbr1") @GroupThreads(1)
    public void qsbr1Updater(Shared s, Control control) {
        qsbrUpdate(s, control);
    }

    @Benchmark @Group("qsbr2") @GroupThreads(2)
    public long qsbr2Reader(Shared s, QsbrThread r) {
        return qsbrRead(s, r);
    }

    @Benchmark @Group("qsbr2") @GroupThreads(1)
    public void qsbr2Updater(Shared s, Control control) {
        qsbrUpdate(s, control);
    }

    @Benchmark @Group("qsbrBatch1") @GroupThreads(1)
    public long qsbrBatch1Reader(Shared s, QsbrThread r) {
        return qsbrBatchRead(s, r);
    }

    @Benchmark @Group("qsbrBatch1") @GroupThreads(1)
    public void qsbrBatch1Updater(Shared s, Control control) {
        qsbrUpdate(s, control);
    }

    @Benchmark @Group("qsbrBatch2") @GroupThreads(2)
    public long qsbrBatch2Reader(Shared s, QsbrThread r) {
        return qsbrBatchRead(s, r);
    }

    @Benchmark @Group("qsbrBatch2") @GroupThreads(1)
    public void qsbrBatch2Updater(Shared s, Control control) {
        qsbrUpdate(s, control);
    }

    // ---- ReentrantReadWriteLock

    static long rwLockRead(Shared s) {
        ReentrantReadWriteLock.ReadLock lock = s.rwLock.readLock();
        lock.lock();
        try {
            return s.guarded.version;
        } finally {
            lock.unlock();
        }
    }

    static void rwLockUpdate(Shared s) {
        ReentrantReadWriteLock.WriteLock lock = s.rwLock.writeLock();
        lock.lock();
        try {
            s.guarded = new Snapshot(++s.version);
        } finally {
            lock.unlock();
        }
        Blackhole.consumeCPU(UPDATE_PAUSE);
    }

    @Benchmark @Group("rwlock1") @GroupThreads(1)
    public long rwlock1Reader(Shared s) {
        return rwLockRead(s);
    }

    @Benchmark @Group("rwlock1") @GroupThreads(1)
    public void rwlock1Updater(Shared s) {
        rwLockUpdate(s);
    }

    @Benchmark @Group("rwlock2") @GroupThreads(2)
    public long rwlock2Reader(Shared s) {
        return rwLockRead(s);
    }

    @Benchmark @Group("rwlock2") @GroupThreads(1)
    public void rwlock2Updater(Shared s) {
        rwLockUpdate(s);
    }

    // ---- StampedLock, optimistic read with a read-lock fallback

    static long stampedRead(Shared s) {
        StampedLock lock = s.stamped;
        long stamp = lock.tryOptimisticRead();
        long v = s.guarded.version;
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                v = s.guarded.version;
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return v;
    }

    static void stampedUpdate(Shared s) {
        long stamp = s.stamped.writeLock();
        try {
            s.guarded = new Snapshot(++s.version);
        } finally {
            s.stamped.unlockWrite(stamp);
        }
        Blackhole.consumeCPU(UPDATE_PAUSE);
    }

    @Benchmark @Group("stamped1") @GroupThreads(1)
    public long stamped1Reader(Shared s) {
        return stampedRead(s);
    }

    @Benchmark @Group("stamped1") @GroupThreads(1)
    public void stamped1Updater(Shared s) {
        stampedUpdate(s);
    }

    @Benchmark @Group("stamped2") @GroupThreads(2)
    public long stamped2Reader(Shared s) {
        return stampedRead(s);
    }

    @Benchmark @Group("stamped2") @GroupThreads(1)
    public void stamped2Updater(Shared s) {
        stampedUpdate(s);
    }

    // ---- a plain volatile read: no protection of the old object at all

    static void volatileUpdate(Shared s) {
        s.published = new Snapshot(++s.version);
        Blackhole.consumeCPU(UPDATE_PAUSE);
    }

    @Benchmark @Group("volatile1") @GroupThreads(1)
    public long volatile1Reader(Shared s) {
        return s.published.version;
    }

    @Benchmark @Group("volatile1") @GroupThreads(1)
    public void volatile1Updater(Shared s) {
        volatileUpdate(s);
    }

    @Benchmark @Group("volatile2") @GroupThreads(2)
    public long volatile2Reader(Shared s) {
        return s.published.version;
    }

    @Benchmark @Group("volatile2") @GroupThreads(1)
    public void volatile2Updater(Shared s) {
        volatileUpdate(s);
    }
}
