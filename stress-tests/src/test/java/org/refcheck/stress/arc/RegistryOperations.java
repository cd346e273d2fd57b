package org.refcheck.stress.arc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.RegistryValue;
import org.refcheck.protocols.arc.WeakRegistry;
import org.refcheck.protocols.arc.mutant.EvictByKeyRegistry;
import org.refcheck.stress.lincheck.InvocationCounter;

/**
 * Lincheck operations on a {@link WeakRegistry} of {@link RegistryValue}s, for a linearizability check against
 * {@link RegistrySpecification}: register a new object under a key, look a key up, drop a held {@code Arc}.
 *
 * <p>As in {@link ArcHandleOperations}, strong references belong to owners (the thread id from {@link ThreadIdGen};
 * owner 0 runs the init and post parts), since an {@code Arc} is used by one thread at a time. Values are named
 * {@code 100 * owner + n} for the owner's {@code n}-th registration, so names do not depend on the interleaving.
 * Owners start with nothing; the registry starts empty.
 *
 * <pre> {@code
 * LincheckSizes.modelChecking().threads(RegistryOperations.THREADS)
 *         .sequentialSpecification(RegistrySpecification.class)
 *         .check(RegistryOperations.Correct.class);
 * }</pre>
 *
 * <p>{@link #noLifetimeViolations()} fails a scenario in which the tracker saw a use after destroy or free, a double
 * destroy or free, or a resurrection.
 */
public abstract class RegistryOperations {

    /*
     * Implementation notes. Each owner holds its Arcs in a FIFO queue and `drop` gives up the oldest one, so a
     * sequence like register(k), register(k), drop() drops an object that has already been replaced under its key:
     * the case the registry's ownership check exists for. The owner's queue and counter are touched only by the
     * owner's thread (see ArcHandleOperations for why that survives scenario minimization).
     */

    /** The number of parallel threads the scenarios may use. */
    public static final int THREADS = 2;

    /** Owners: the main thread (init and post parts) and one per parallel thread. */
    public static final int OWNERS = THREADS + 1;

    /** Returned by {@link #lookup} for a miss and by {@link #drop} when the owner holds nothing. */
    public static final int NONE = -1;

    private final LifetimeTracker heap = new LifetimeTracker();
    private final WeakRegistry<Integer, RegistryValue<Integer>> registry;
    private final List<Deque<Arc<RegistryValue<Integer>>>> held = new ArrayList<>();
    private final int[] registered = new int[OWNERS];

    /** An empty registry (correct or mutant) and owners holding nothing. */
    protected RegistryOperations(WeakRegistry<Integer, RegistryValue<Integer>> registry) {
        InvocationCounter.tick();
        this.registry = registry;
        for (int owner = 0; owner < OWNERS; owner++) {
            held.add(new ArrayDeque<>());
        }
    }

    /** The owner an operation runs for: thread {@code THREADS + 1} (the post part) is the main thread again. */
    public static int ownerOf(int thread) {
        return thread % OWNERS;
    }

    /** The name of the owner's {@code n}-th registered value (from 0). */
    public static int valueName(int owner, int n) {
        return 100 * owner + n;
    }

    /** Creates a value, registers it under {@code key} (replacing the key's entry) and keeps its {@code Arc}; returns its name. */
    @Operation
    public int register(@Param(gen = ThreadIdGen.class) int thread, @Param(gen = IntGen.class, conf = "0:1") int key) {
        int owner = ownerOf(thread);
        int name = valueName(owner, registered[owner]++);
        Arc<RegistryValue<Integer>> arc = Arc.create(heap, "V" + name,
                new RegistryValue<>(registry, key, Integer.toString(name)), ArcScheme.STD);
        registry.register(key, arc);
        held.get(owner).addLast(arc);
        return name;
    }

    /** Looks {@code key} up and keeps the {@code Arc} it returns; returns the found value's name, or {@link #NONE}. */
    @Operation
    public int lookup(@Param(gen = ThreadIdGen.class) int thread, @Param(gen = IntGen.class, conf = "0:1") int key) {
        Arc<RegistryValue<Integer>> found = registry.lookup(key);
        if (found == null) {
            return NONE;
        }
        held.get(ownerOf(thread)).addLast(found);
        return Integer.parseInt(found.get().name());
    }

    /** Drops the owner's oldest {@code Arc}; returns the name of its value, or {@link #NONE} if the owner holds none. */
    @Operation
    public int drop(@Param(gen = ThreadIdGen.class) int thread) {
        Arc<RegistryValue<Integer>> arc = held.get(ownerOf(thread)).pollFirst();
        if (arc == null) {
            return NONE;
        }
        int name = Integer.parseInt(arc.get().name());
        arc.drop();
        return name;
    }

    /** Fails if the lifetime tracker saw any violation during the scenario. */
    @Validate
    public void noLifetimeViolations() {
        if (!heap.isClean()) {
            throw new IllegalStateException("lifetime violation(s): " + heap.violations());
        }
    }

    /** The correct registry ({@code weak-registry/correct}). */
    public static class Correct extends RegistryOperations {
        public Correct() {
            super(new WeakRegistry<>("registry"));
        }
    }

    /** X1, {@code weak-registry/remove-unconditionally}. */
    public static class RemoveUnconditionally extends RegistryOperations {
        public RemoveUnconditionally() {
            super(new EvictByKeyRegistry<>("registry"));
        }
    }
}
