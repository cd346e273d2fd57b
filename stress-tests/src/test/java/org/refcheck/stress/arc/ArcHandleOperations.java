package org.refcheck.stress.arc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.Weak;
import org.refcheck.protocols.arc.mutant.DropReadsInnerAfterDecrement;
import org.refcheck.protocols.arc.mutant.DropWithoutAcquireFence;
import org.refcheck.protocols.arc.mutant.GetMutWithoutWeakLock;
import org.refcheck.protocols.arc.mutant.IsUniqueRelaxedStrongLoad;
import org.refcheck.protocols.arc.mutant.UpgradeWithFetchAdd;
import org.refcheck.stress.lincheck.InvocationCounter;

/**
 * Lincheck operations on one {@code Arc}/{@code Weak} allocation, for a linearizability check against
 * {@link ArcHandleSpecification}.
 *
 * <p>A Rust handle belongs to one thread at a time, so the handles here belong to <em>owners</em>: every operation
 * takes the id of the thread that runs it ({@link ThreadIdGen}) and works only on that owner's own handles. Owner 0
 * is the main thread: it runs the init part and, as thread {@code THREADS + 1}, the post part; owners 1 and 2 are the
 * two parallel threads. Each owner starts with one {@code Arc} and one {@code Weak}, so the allocation starts with
 * {@code strong = 3} and three {@code Weak}s. An operation whose owner lacks the handle it needs returns
 * {@link #NO_HANDLE} and does nothing.
 *
 * <pre> {@code
 * LincheckSizes.modelChecking().threads(ArcHandleOperations.THREADS)
 *         .sequentialSpecification(ArcHandleSpecification.class)
 *         .check(ArcHandleOperations.Std.class);
 * }</pre>
 *
 * <p>One public subclass per {@link ArcScheme} (Lincheck instantiates the tested class itself, through its public
 * no-argument constructor). {@link #noLifetimeViolations()} runs after every scenario and fails on any violation the
 * lifetime tracker saw (use after destroy or free, double destroy, resurrection).
 */
public abstract class ArcHandleOperations {

    /*
     * Implementation notes. Handles live in per-owner stacks (ArrayDeques). Only the owner's own thread touches its
     * stacks during the parallel part, and the init and post parts run before and after it, so the stacks and each
     * handle's plain `consumed` flag need no synchronization, exactly as for Rust values moved into a thread.
     * Lincheck's scenario minimization only deletes actors or moves a thread's first (last) actor into the init
     * (post) part, so an owner's actors never end up running in two threads at once.
     */

    /** The number of parallel threads the scenarios may use. */
    public static final int THREADS = 2;

    /** Owners: the main thread (init and post parts) and one per parallel thread. */
    public static final int OWNERS = THREADS + 1;

    /** Returned when the owner does not hold the handle the operation needs. */
    public static final int NO_HANDLE = -1;

    private final LifetimeTracker heap = new LifetimeTracker();
    private final List<Deque<Arc<ArcPayload>>> arcs = new ArrayList<>();
    private final List<Deque<Weak<ArcPayload>>> weaks = new ArrayList<>();

    /** One allocation running {@code scheme}; every owner holds one {@code Arc} and one {@code Weak} to it. */
    protected ArcHandleOperations(ArcScheme scheme) {
        InvocationCounter.tick();
        Arc<ArcPayload> first = Arc.create(heap, "Arc", new ArcPayload(), scheme);
        for (int owner = 0; owner < OWNERS; owner++) {
            Deque<Arc<ArcPayload>> own = new ArrayDeque<>();
            own.push(owner == 0 ? first : first.clone());
            arcs.add(own);
        }
        for (int owner = 0; owner < OWNERS; owner++) {
            Deque<Weak<ArcPayload>> own = new ArrayDeque<>();
            own.push(first.downgrade());
            weaks.add(own);
        }
    }

    /** The owner an operation runs for: thread {@code THREADS + 1} (the post part) is the main thread again. */
    public static int ownerOf(int thread) {
        return thread % OWNERS;
    }

    /** {@code Arc::clone} of one of the owner's {@code Arc}s; 0, or {@link #NO_HANDLE}. */
    @Operation
    public int cloneArc(@Param(gen = ThreadIdGen.class) int thread) {
        Deque<Arc<ArcPayload>> own = arcs(thread);
        if (own.isEmpty()) {
            return NO_HANDLE;
        }
        own.push(own.peek().clone());
        return 0;
    }

    /**
     * Drops one of the owner's {@code Arc}s: 1 if that drop destroyed the value (it was the last strong reference),
     * 0 if not, or {@link #NO_HANDLE}.
     */
    @Operation
    public int dropArc(@Param(gen = ThreadIdGen.class) int thread) {
        Deque<Arc<ArcPayload>> own = arcs(thread);
        if (own.isEmpty()) {
            return NO_HANDLE;
        }
        Arc<ArcPayload> arc = own.pop();
        ArcPayload value = arc.get();
        arc.drop();
        return value.destroyedBy(Thread.currentThread()) ? 1 : 0;
    }

    /** {@code Arc::downgrade} of one of the owner's {@code Arc}s; 0, or {@link #NO_HANDLE}. */
    @Operation
    public int downgrade(@Param(gen = ThreadIdGen.class) int thread) {
        Deque<Arc<ArcPayload>> own = arcs(thread);
        if (own.isEmpty()) {
            return NO_HANDLE;
        }
        weaks(thread).push(own.peek().downgrade());
        return 0;
    }

    /** {@code Weak::upgrade} of one of the owner's {@code Weak}s: 1 (the owner keeps the new {@code Arc}), 0, or {@link #NO_HANDLE}. */
    @Operation
    public int upgrade(@Param(gen = ThreadIdGen.class) int thread) {
        Deque<Weak<ArcPayload>> own = weaks(thread);
        if (own.isEmpty()) {
            return NO_HANDLE;
        }
        Arc<ArcPayload> upgraded = own.peek().upgrade();
        if (upgraded == null) {
            return 0;
        }
        upgraded.get();
        arcs(thread).push(upgraded);
        return 1;
    }

    /** Drops one of the owner's {@code Weak}s; 0, or {@link #NO_HANDLE}. */
    @Operation
    public int dropWeak(@Param(gen = ThreadIdGen.class) int thread) {
        Deque<Weak<ArcPayload>> own = weaks(thread);
        if (own.isEmpty()) {
            return NO_HANDLE;
        }
        own.pop().drop();
        return 0;
    }

    /** {@code strong_count} through one of the owner's handles ({@code Arc} first), or {@link #NO_HANDLE}. */
    @Operation
    public int strongCount(@Param(gen = ThreadIdGen.class) int thread) {
        if (!arcs(thread).isEmpty()) {
            return arcs(thread).peek().strongCount();
        }
        if (!weaks(thread).isEmpty()) {
            return weaks(thread).peek().strongCount();
        }
        return NO_HANDLE;
    }

    /** {@code Arc::weak_count} through one of the owner's {@code Arc}s, or {@link #NO_HANDLE}. */
    @Operation
    public int weakCount(@Param(gen = ThreadIdGen.class) int thread) {
        Deque<Arc<ArcPayload>> own = arcs(thread);
        return own.isEmpty() ? NO_HANDLE : own.peek().weakCount();
    }

    /**
     * {@code Arc::get_mut} on one of the owner's {@code Arc}s: 1 if it returned the value (which the owner then
     * writes, as the holder of the only reference may), 0 if it refused, or {@link #NO_HANDLE}.
     */
    @Operation
    public int getMut(@Param(gen = ThreadIdGen.class) int thread) {
        Deque<Arc<ArcPayload>> own = arcs(thread);
        if (own.isEmpty()) {
            return NO_HANDLE;
        }
        ArcPayload mutable = own.peek().getMut();
        if (mutable == null) {
            return 0;
        }
        mutable.write(thread + 1);
        return 1;
    }

    /** Fails if the lifetime tracker saw any violation during the scenario. */
    @Validate
    public void noLifetimeViolations() {
        if (!heap.isClean()) {
            throw new IllegalStateException("lifetime violation(s): " + heap.violations());
        }
    }

    private Deque<Arc<ArcPayload>> arcs(int thread) {
        return arcs.get(ownerOf(thread));
    }

    private Deque<Weak<ArcPayload>> weaks(int thread) {
        return weaks.get(ownerOf(thread));
    }

    /** Rust std's protocol ({@code arc-weak/correct}). */
    public static class Std extends ArcHandleOperations {
        public Std() {
            super(ArcScheme.STD);
        }
    }

    /** B7, {@code arc-weak/drop-without-acquire-fence}. */
    public static class DropWithoutFence extends ArcHandleOperations {
        public DropWithoutFence() {
            super(new DropWithoutAcquireFence());
        }
    }

    /** B8, {@code arc-weak/get-mut-two-loads}. */
    public static class GetMutTwoLoads extends ArcHandleOperations {
        public GetMutTwoLoads() {
            super(new GetMutWithoutWeakLock());
        }
    }

    /** B9, {@code arc-weak/get-mut-relaxed-strong}. */
    public static class GetMutRelaxedStrong extends ArcHandleOperations {
        public GetMutRelaxedStrong() {
            super(new IsUniqueRelaxedStrongLoad());
        }
    }

    /** B10, {@code arc-weak/upgrade-fetch-add}. */
    public static class UpgradeFetchAdd extends ArcHandleOperations {
        public UpgradeFetchAdd() {
            super(new UpgradeWithFetchAdd());
        }
    }

    /** B11, {@code arc-weak/touch-after-dec}. */
    public static class TouchAfterDec extends ArcHandleOperations {
        public TouchAfterDec() {
            super(new DropReadsInnerAfterDecrement());
        }
    }
}
