package org.refcheck.benchmarks.facade;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.refcheck.sync.Fences;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedRef;

/**
 * The facade's production back-end against hand-written {@code VarHandle} code for the same operation: each
 * {@code xxx} benchmark calls a facade cell, its {@code xxxVarHandle} twin does the same access on a field of this
 * class through its own {@code VarHandle}. The design target is a ratio within 1.05.
 *
 * <p>How to run only these: {@code java -jar benchmarks/target/benchmarks.jar FacadeVsVarHandle}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FacadeVsVarHandle {

    /*
     * Implementation notes. Both sides keep their value in a volatile field read and written only through a
     * VarHandle, so the difference between a pair is the facade's interface call (monomorphic: only the
     * production back-end is loaded in the benchmark JVM) and its one extra object. Results are returned so JMH's
     * blackhole keeps them.
     */

    private final SharedInt cell = SharedInt.of("cell", 0);
    private final SharedRef<Object> ref = SharedRef.of("ref", new Object());
    private final Object other = new Object();

    @SuppressWarnings("unused") // accessed through VALUE
    private volatile int value;
    @SuppressWarnings("unused") // accessed through REF
    private volatile Object refValue = new Object();

    @Benchmark
    public int getAcquire() {
        return cell.getAcquire();
    }

    @Benchmark
    public int getAcquireVarHandle() {
        return (int) VALUE.getAcquire(this);
    }

    @Benchmark
    public void setRelease() {
        cell.setRelease(1);
    }

    @Benchmark
    public void setReleaseVarHandle() {
        VALUE.setRelease(this, 1);
    }

    @Benchmark
    public int getAndAdd() {
        return cell.getAndAdd(1);
    }

    @Benchmark
    public int getAndAddVarHandle() {
        return (int) VALUE.getAndAdd(this, 1);
    }

    @Benchmark
    public boolean compareAndSet() {
        int seen = cell.getOpaque();
        return cell.compareAndSet(seen, seen + 1);
    }

    @Benchmark
    public boolean compareAndSetVarHandle() {
        int seen = (int) VALUE.getOpaque(this);
        return VALUE.compareAndSet(this, seen, seen + 1);
    }

    @Benchmark
    public Object getAndSetRef() {
        return ref.getAndSet(other);
    }

    @Benchmark
    public Object getAndSetRefVarHandle() {
        return REF.getAndSet(this, other);
    }

    @Benchmark
    public void fullFence() {
        Fences.full();
    }

    @Benchmark
    public void fullFenceVarHandle() {
        VarHandle.fullFence();
    }

    // VarHandle mechanics
    private static final VarHandle VALUE;
    private static final VarHandle REF;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            VALUE = l.findVarHandle(FacadeVsVarHandle.class, "value", int.class);
            REF = l.findVarHandle(FacadeVsVarHandle.class, "refValue", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
