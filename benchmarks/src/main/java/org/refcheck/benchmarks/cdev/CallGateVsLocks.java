package org.refcheck.benchmarks.cdev;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.cdev.LockedCallGate;
import org.refcheck.protocols.cdev.PercpuCallGate;

/**
 * The character device's call count, one enter and one exit per benchmark call, against what a driver could use
 * instead: a {@link Semaphore} with a permit per possible call, and a {@link ReentrantReadWriteLock} whose read lock
 * a call holds (disconnect would take the write lock). The gates: {@link PercpuCallGate} (percpu_ref style, a
 * counter per CPU and a Dekker fence pair) and {@link LockedCallGate} (V4L2's lock-protected count).
 *
 * <p>How to run only these: {@code java -jar benchmarks/target/benchmarks.jar CallGateVsLocks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallGateVsLocks {

    /** CPUs of the per-CPU gate: one per benchmark thread at most. */
    static final int CPUS = 2;

    private final PercpuCallGate percpu = new PercpuCallGate("dev", CPUS);
    private final LockedCallGate locked = new LockedCallGate(new LifetimeTracker(), "dev");
    private final Semaphore semaphore = new Semaphore(Integer.MAX_VALUE);
    private final ReentrantReadWriteLock rwLock = new ReentrantReadWriteLock();
    private final AtomicInteger cpus = new AtomicInteger();

    /** The CPU a benchmark thread calls from: a per-CPU counter is written by its own CPU only. */
    @State(Scope.Thread)
    public static class Cpu {
        int id;

        @Setup
        public void pick(CallGateVsLocks bench) {
            id = bench.cpus.getAndIncrement() % CPUS;
        }
    }

    @Benchmark
    public boolean percpuGate(Cpu cpu) {
        boolean in = percpu.enter(cpu.id);
        if (in) {
            percpu.exit(cpu.id);
        }
        return in;
    }

    @Benchmark
    public boolean lockedGate() {
        boolean in = locked.enter(0);
        if (in) {
            locked.exit(0);
        }
        return in;
    }

    @Benchmark
    public boolean semaphore() {
        boolean in = semaphore.tryAcquire();
        if (in) {
            semaphore.release();
        }
        return in;
    }

    @Benchmark
    public boolean readWriteLock() {
        boolean in = rwLock.readLock().tryLock();
        if (in) {
            rwLock.readLock().unlock();
        }
        return in;
    }

    @Benchmark @Threads(2)
    public boolean percpuGate2(Cpu cpu) {
        return percpuGate(cpu);
    }

    @Benchmark @Threads(2)
    public boolean lockedGate2() {
        return lockedGate();
    }

    @Benchmark @Threads(2)
    public boolean semaphore2() {
        return semaphore();
    }

    @Benchmark @Threads(2)
    public boolean readWriteLock2() {
        return readWriteLock();
    }
}
