package org.refcheck.lifetime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.refcheck.backend.Backends;

/**
 * Hands out {@link Allocation}s and collects the {@link Violation}s their lifetime events reveal, and the
 * {@link Warning}s protocols emit instead of failing.
 *
 * <p>One tracker serves one test: a jcstress state object, one Lincheck invocation, one model-checker execution.
 * Protocol objects take the tracker that allocates their memory, so a test can ask afterwards whether anything was
 * used after free, freed twice, resurrected or leaked:
 *
 * <pre> {@code
 * LifetimeTracker heap = new LifetimeTracker();
 * Arc<Payload> arc = Arc.create(heap, new Payload());
 * ... race ...
 * List<Violation> found = heap.finish();   // adds a LEAK for every allocation not freed
 * }</pre>
 *
 * <p>Thread-safe. Memory consistency effects: a violation reported in one thread happens-before
 * {@link #violations()} or {@link #finish()} returns it in another.
 */
public final class LifetimeTracker {

    /*
     * Implementation notes: allocations and violations live in lock-free queues, so that reporting from racing
     * threads never blocks and never orders the protocol's own accesses more than a single CAS does. Allocation
     * objects themselves come from the active back-end, which decides whether an event is also a scheduling point.
     */

    private final ConcurrentLinkedQueue<Allocation> allocations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Violation> violations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Warning> warnings = new ConcurrentLinkedQueue<>();

    /** Allocates a tracked object with the given label. */
    public Allocation allocate(String label) {
        Allocation allocation = Backends.active().allocate(this, label);
        allocations.add(allocation);
        return allocation;
    }

    /** Records a violation; called by allocations, and by protocols for violations they detect themselves. */
    public void report(Violation violation) {
        violations.add(violation);
    }

    /** Records a violation of the given kind, attributed to the calling thread. */
    public void report(ViolationKind kind, Allocation allocation, String detail) {
        report(new Violation(kind, allocation.label(), detail, Thread.currentThread().getName()));
    }

    /** Records a warning from {@code source}, attributed to the calling thread; warnings are not violations. */
    public void warn(String source, String message) {
        warnings.add(new Warning(source, message, Thread.currentThread().getName()));
    }

    /** The warnings recorded so far, in order. */
    public List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    /** The violations reported so far, in report order. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Whether no violation was reported so far (leaks are only known after {@link #finish()}). */
    public boolean isClean() {
        return violations.isEmpty();
    }

    /** The number of allocations handed out so far. */
    public int allocationCount() {
        return allocations.size();
    }

    /** The allocations not yet freed. */
    public List<Allocation> unfreed() {
        List<Allocation> live = new ArrayList<>();
        for (Allocation a : allocations) {
            if (a.state() != AllocationState.FREED) {
                live.add(a);
            }
        }
        return live;
    }

    /**
     * Ends the test: reports a {@link ViolationKind#LEAK} for every allocation that is not freed, and returns all
     * violations. Call it once, after every thread of the test has finished.
     */
    public List<Violation> finish() {
        for (Allocation a : unfreed()) {
            report(new Violation(ViolationKind.LEAK, a.label(), "still " + a.state().name().toLowerCase() + " at the end",
                    Thread.currentThread().getName()));
        }
        return violations();
    }
}
