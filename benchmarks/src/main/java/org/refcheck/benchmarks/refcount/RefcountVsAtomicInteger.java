package org.refcheck.benchmarks.refcount;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.Weak;
import org.refcheck.protocols.refcount.Ref;

/**
 * Rust-for-Linux {@code Ref} (on {@code refcount_t}) clone+drop, and Rust std {@code Arc} clone+drop and
 * {@code Weak::upgrade}+drop, against {@link AtomicIntegerCounted}, the {@code AtomicInteger} code a Java
 * programmer would write. One pair of operations per benchmark call, so the count never reaches zero; the
 * {@code contended} variants run the same call in two threads on one shared object.
 *
 * <p>How to run only these: {@code java -jar benchmarks/target/benchmarks.jar RefcountVsAtomicInteger}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RefcountVsAtomicInteger {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Ref<String> ref = Ref.create(heap, "payload");
    private final Arc<String> arc = Arc.create(heap, "payload");
    private final Weak<String> weak = arc.downgrade();
    private final AtomicIntegerCounted<String> atomic = new AtomicIntegerCounted<>("payload");

    @Benchmark
    public String refCloneDrop() {
        Ref<String> c = ref.clone();
        String v = c.get();
        c.drop();
        return v;
    }

    @Benchmark
    public String arcCloneDrop() {
        Arc<String> c = arc.clone();
        String v = c.get();
        c.drop();
        return v;
    }

    @Benchmark
    public String arcUpgradeDrop() {
        Arc<String> c = weak.upgrade();
        String v = c.get();
        c.drop();
        return v;
    }

    @Benchmark
    public String atomicCloneDrop() {
        AtomicIntegerCounted<String> c = atomic.retain();
        String v = c.get();
        c.release();
        return v;
    }

    @Benchmark
    public String atomicUpgradeDrop() {
        String v = atomic.tryRetain() ? atomic.get() : null;
        atomic.release();
        return v;
    }

    @Benchmark
    @Threads(2)
    public String refCloneDropContended() {
        return refCloneDrop();
    }

    @Benchmark
    @Threads(2)
    public String arcCloneDropContended() {
        return arcCloneDrop();
    }

    @Benchmark
    @Threads(2)
    public String atomicCloneDropContended() {
        return atomicCloneDrop();
    }
}
