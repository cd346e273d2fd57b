package org.refcheck.model.rt;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.Violation;
import org.refcheck.model.memory.WeakMemory;

/**
 * One run of a test body under a {@link SchedulingStrategy}: its logical threads, the events they performed, and
 * the first failure, if any.
 *
 * <p>Exactly one logical thread runs at a time. Each facade operation calls {@link #schedule} before it acts and
 * {@link #record} after: the first is the scheduling point (the strategy picks who runs next among the threads whose
 * pending operation is enabled), the second appends the event; exploration derives happens-before from the events.
 */
public final class Execution {

    /*
     * Implementation notes. State machine of an execution:
     *   RUNNING -> COMPLETED   every thread finished; leak oracle run
     *   RUNNING -> FAILED      an oracle fired (first failure kept); live threads are unwound
     *   RUNNING -> CUT         the strategy abandoned the schedule (e.g. sleep-set blocked); threads are unwound
     * Unwinding: `aborting` is set and every waiting thread is given the turn; schedule() then throws
     * ExecutionAborted in it. The driver joins every platform thread before the execution is reported, so no
     * thread of one execution ever runs during the next.
     */

    private final SchedulingStrategy strategy;
    private final int maxSteps;
    private final boolean checkLeaks;
    private final boolean recordLocations;
    private final boolean tracksState;
    /** Happens-before under the weak memory model, or {@code null} under sequential consistency. */
    private final WeakMemory memory;

    private final List<LogicalThread> threads = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<ModelAllocation> allocations = new ArrayList<>();
    private final List<ModelObject> objects = new ArrayList<>();
    private final Map<Object, String> objectNames = new IdentityHashMap<>();
    private final Semaphore driverTurn = new Semaphore(0);
    private final Semaphore done = new Semaphore(0);
    private final Semaphore carriersReleased = new Semaphore(0);

    private LogicalThread current;
    private long writes;
    private int driverObjects;
    private volatile boolean aborting;
    private boolean cut;
    private Failure failure;
    /** The store the next event reads, chosen by the strategy among several (weak memory). */
    private int pendingReadChoice;

    /** An execution under sequential consistency. */
    public Execution(SchedulingStrategy strategy, int maxSteps, boolean checkLeaks, boolean recordLocations) {
        this(strategy, maxSteps, checkLeaks, recordLocations, null);
    }

    /**
     * An execution under the weak memory model of {@code memory}, or under sequential consistency if it is
     * {@code null}.
     */
    public Execution(SchedulingStrategy strategy, int maxSteps, boolean checkLeaks, boolean recordLocations,
            WeakMemory memory) {
        if (memory != null && strategy.usesFingerprints()) {
            throw new IllegalArgumentException("the state cache does not support weak memory: a state would have "
                    + "to include every cell's store history and every thread's clock");
        }
        this.strategy = strategy;
        this.maxSteps = maxSteps;
        this.checkLeaks = checkLeaks;
        this.recordLocations = recordLocations;
        this.tracksState = strategy.usesFingerprints();
        this.memory = memory;
    }

    /** Happens-before under the weak memory model, or {@code null} under sequential consistency. */
    WeakMemory memory() {
        return memory;
    }

    /**
     * Runs {@code body} as logical thread 0 to the end of this execution, then, once every thread has finished,
     * the end-of-execution predicates. Called once, by the driver.
     */
    public void run(Runnable body, List<Runnable> predicates) {
        LogicalThread main = newThread("main", () -> {
            body.run();
            if (!predicates.isEmpty()) {
                joinAllThreads();
                for (Runnable predicate : predicates) {
                    try {
                        predicate.run();
                    } catch (ExecutionAborted unwinding) {
                        throw unwinding;
                    } catch (Throwable t) {
                        fail(new Failure(FailureKind.PREDICATE, String.valueOf(t.getMessage()), 0, t));
                        throw ExecutionAborted.INSTANCE;
                    }
                }
            }
        }, null);
        Carrier.start(main);
        driverTurn.acquireUninterruptibly();   // main announced its first operation, finished, or failed
        if (!aborting) {
            if (main.finished) {
                complete();
            } else {
                LogicalThread first = chooseNext(null);
                if (first != null) {
                    first.giveTurn();
                }
            }
        }
        done.acquireUninterruptibly();
        carriersReleased.acquireUninterruptibly(threads.size());
    }

    /** A carrier finished running one of this execution's logical threads. */
    void carrierReleased() {
        carriersReleased.release();
    }

    /** The events performed, in order. */
    public List<Event> events() {
        return events;
    }

    /** The logical threads, by id. */
    public List<LogicalThread> threads() {
        return threads;
    }

    /** The first failure, or {@code null} if the execution completed cleanly or was cut. */
    public Failure failure() {
        return failure;
    }

    /** Whether the strategy abandoned this execution before it ended. */
    public boolean wasCut() {
        return cut;
    }

    /** The logical thread running now. */
    LogicalThread currentThread() {
        Thread t = Thread.currentThread();
        if (t instanceof Carrier carrier && carrier.logical() != null && carrier.logical().execution == this) {
            return carrier.logical();
        }
        throw new IllegalStateException("a facade object of a model-checked execution was used from thread "
                + t.getName() + ", which refcheck does not control; spawn test threads with Threads.spawn");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scheduling points

    /** Announces the calling thread's next operation and returns when the scheduler lets it run. */
    void schedule(Op op) {
        LogicalThread self = currentThread();
        if (aborting) {
            throw ExecutionAborted.INSTANCE;
        }
        self.pending = op;
        if (op.kind() == OpKind.SPIN) {
            // writes by others since this iteration of the loop began (now, if the spin is all the iteration does)
            self.spinMark = self.iterationStarts ? writes - self.ownWrites : self.iterationMark;
        }
        if (!self.announced) {
            self.announced = true;
            wakeSpawner(self);
            self.awaitTurn();
        } else {
            if (events.size() >= maxSteps) {
                fail(new Failure(FailureKind.STEP_BOUND, "the execution exceeded " + maxSteps
                        + " steps: a runaway loop, possibly a livelock", self.id, null));
                throw ExecutionAborted.INSTANCE;
            }
            LogicalThread next = chooseNext(self);
            if (next == null) {
                throw ExecutionAborted.INSTANCE;
            }
            if (next != self) {
                next.giveTurn();
                self.awaitTurn();
            }
        }
        if (aborting) {
            throw ExecutionAborted.INSTANCE;
        }
        current = self;
        self.announcedKind = op.kind();
        self.pending = null;
    }

    /** Appends the event the current thread just performed. */
    Event record(OpKind kind, ModelObject object, String method, Object read, Object written) {
        if (tracksState) {
            current.history.mix(kind.ordinal()).mix(object.id).mixValue(read);
        }
        return record(kind, object.id, object.label, method, display(read), display(written), -1, null);
    }

    /** Appends an add whose caller declared the interval of the old value it observes. */
    Event recordAddition(ModelObject object, String method, Object read, Object written, Addition addition) {
        if (tracksState) {
            current.history.mix(OpKind.RMW.ordinal()).mix(object.id).mix(addition.low());   // the interval only
        }
        return record(OpKind.RMW, object.id, object.label, method, display(read), display(written), -1, addition);
    }

    /**
     * What a trace shows for a value: numbers, booleans and strings as they are, other objects as their class and
     * a number in order of first appearance ({@code Entry#2}), never by calling their {@code toString}, which may
     * use facade objects itself.
     */
    private Object display(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                || value instanceof Character) {
            return value;
        }
        String name = objectNames.get(value);
        if (name == null) {
            name = value.getClass().getSimpleName() + "#" + (objectNames.size() + 1);
            objectNames.put(value, name);
        }
        return name;
    }

    Event record(OpKind kind, long objectId, String label, String method, Object read, Object written,
            int otherThread, Addition addition) {
        LogicalThread self = current;
        self.steps++;
        if (tracksState) {
            self.path.mix(kind.ordinal()).mix(objectId).mix(method.hashCode());
        }
        Event event = new Event(events.size(), self.id, self.steps, kind, self.announcedKind, objectId, label, method,
                read, written, otherThread, addition, pendingReadChoice);
        pendingReadChoice = 0;
        if (self.iterationStarts) {
            self.iterationMark = writes - self.ownWrites;
            self.iterationStarts = false;
            self.staleInIteration = false;
        }
        if (event.readChoice > 0) {
            self.staleInIteration = true;   // a newer store exists: a spin after this load may run again
        }
        if (kind == OpKind.SPIN) {
            self.iterationStarts = true;
            self.spunSinceStore = true;
        }
        if (kind.writes() && kind != OpKind.FULL_FENCE) {   // a fence changes no value a spin could wait for
            writes++;
            self.ownWrites++;
            self.spunSinceStore = false;
        }
        if (recordLocations) {
            event.location = SourceLocations.callerOfFacade();
        }
        events.add(event);
        if (memory != null) {
            memory.step(event);
        }
        strategy.executed(this, event);
        return event;
    }

    /**
     * Weak memory: asks the strategy which of {@code alternatives} stores the current thread's load reads, and
     * stamps the choice on the event the load records next.
     */
    int chooseRead(int alternatives) {
        int choice = strategy.chooseRead(this, current, alternatives);
        if (choice < 0 || choice >= alternatives) {
            if (choice >= alternatives) {
                fail(new Failure(FailureKind.NONDETERMINISM, current.getName() + "'s load may read " + alternatives
                        + " stores here, but the schedule asks for store " + choice + ": the schedule belongs to "
                        + "another test, or the test depends on something besides the schedule", current.id, null));
            } else {
                cut = failure == null;
                abort();
            }
            throw ExecutionAborted.INSTANCE;
        }
        pendingReadChoice = choice;
        return choice;
    }

    /** Weak memory: {@code later}, just recorded, races with {@code earlier}; the execution fails with both. */
    void dataRace(Event earlier, Event later, String what) {
        fail(new Failure(FailureKind.DATA_RACE, what + ": " + describe(later) + " is not ordered by happens-before "
                + "with " + describe(earlier), later.thread, null));
        throw ExecutionAborted.INSTANCE;
    }

    /** An event with its thread's name, e.g. {@code "T1's arc.getPlain -> 1 (#7)"}. */
    String describe(Event e) {
        return threads.get(e.thread).getName() + "'s " + e.describe() + " (#" + e.index + ")";
    }

    /** The current thread's id and its steps so far: where an object created now is initialised. */
    int currentThreadId() {
        Thread t = Thread.currentThread();
        if (t instanceof Carrier carrier && carrier.logical() != null && carrier.logical().execution == this) {
            return carrier.logical().id;
        }
        return 0;
    }

    int stepsOf(int thread) {
        return thread < threads.size() ? threads.get(thread).steps : 0;
    }

    private LogicalThread chooseNext(LogicalThread self) {
        List<LogicalThread> enabled = new ArrayList<>(threads.size());
        boolean anyLive = false;
        for (LogicalThread t : threads) {
            if (!t.finished) {
                anyLive = true;
                if (isEnabled(t)) {
                    enabled.add(t);
                }
            }
        }
        if (enabled.isEmpty()) {
            if (anyLive) {
                fail(new Failure(FailureKind.DEADLOCK, deadlockMessage(), -1, null));
            } else {
                complete();
            }
            return null;
        }
        LogicalThread next = strategy.choose(this, enabled, self);
        if (next == null) {
            cut = failure == null;
            abort();
        }
        return next;
    }

    private boolean isEnabled(LogicalThread t) {
        Op op = t.pending;
        if (op == null) {
            return false;
        }
        return switch (op.kind()) {
            case LOCK -> !((ModelMutex) op.target()).isHeld();
            case JOIN -> ((LogicalThread) op.target()).finished;
            case AWAIT -> ((ModelCompletion) op.target()).available();
            case PARK -> t.permit;
            case SPIN -> writes - t.ownWrites > t.spinMark || t.staleInIteration;
            default -> true;
        };
    }

    private String deadlockMessage() {
        StringBuilder b = new StringBuilder("every live thread is blocked:");
        for (LogicalThread t : threads) {
            if (t.finished || t.pending == null) {
                continue;
            }
            Op op = t.pending;
            b.append(' ').append(t.getName()).append(switch (op.kind()) {
                case LOCK -> " waits for " + op.label() + " held by " + ((ModelMutex) op.target()).holderName();
                case JOIN -> " waits to join " + ((LogicalThread) op.target()).getName();
                case AWAIT -> " waits for " + op.label() + ", which nobody will complete";
                case PARK -> " parks, but nobody will unpark it";
                case SPIN -> " spins, but no thread will write again";
                default -> " at " + op;
            }).append(';');
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }

    void register(ModelObject object) {
        objects.add(object);
    }

    /**
     * The state at this scheduling point, for the state cache: every facade object's value and, per thread, its
     * pending operation, whether it can run, and either everything it observed or, with {@code positionsOnly},
     * only which operations it performed (its path through its code, without the values it saw). Returns
     * {@code null} when some value has no identity stable across executions.
     *
     * @param positionsOnly whether the test declared that its threads keep no hidden local state, so that what a
     *                      thread does next depends only on the operations it performed and the shared state
     */
    public StateFingerprint fingerprint(boolean positionsOnly) {
        if (!tracksState) {
            throw new IllegalStateException("fingerprints need a strategy whose usesFingerprints() is true");
        }
        StateFingerprint.Builder b = new StateFingerprint.Builder();
        for (LogicalThread t : threads) {
            b.mix(t.id).mix(t.finished ? 1 : 0).mix(t.steps).mix(t.permit ? 1 : 0);
            Op op = t.pending;
            if (op != null) {
                b.mix(op.kind().ordinal()).mix(op.object()).mix(op.method().hashCode()).mix(isEnabled(t) ? 1 : 0);
            }
            b.mixAll(positionsOnly ? t.path : t.history);
        }
        for (ModelObject o : objects) {
            b.mix(o.id).mixValue(o.stateValue());
        }
        return b.build();
    }

    /** A fresh object id: the creating thread in the high half, its creation count in the low half. */
    long newObjectId() {
        Thread t = Thread.currentThread();
        if (t instanceof Carrier carrier && carrier.logical() != null && carrier.logical().execution == this) {
            LogicalThread logical = carrier.logical();
            return ((long) logical.id << 32) | logical.objectsCreated++;
        }
        return ((long) Integer.MAX_VALUE << 32) | driverObjects++;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Threads

    LogicalThread newThread(String name, Runnable body, LogicalThread spawner) {
        int id = threads.size();
        LogicalThread t = new LogicalThread(this, id, name, body, spawner);
        threads.add(t);
        return t;
    }

    /** Starts a child of the current thread and returns once it announced its first operation or finished. */
    LogicalThread spawn(String name, Runnable body) {
        LogicalThread self = currentThread();
        schedule(new Op(OpKind.SPAWN, Op.NO_OBJECT, name, "spawn", null));
        LogicalThread child = newThread(name, body, self);
        record(OpKind.SPAWN, Op.NO_OBJECT, name, "spawn", null, null, child.id, null);
        Carrier.start(child);
        self.awaitTurn();
        if (aborting) {
            throw ExecutionAborted.INSTANCE;
        }
        current = self;
        return child;
    }

    void joinThread(LogicalThread target) {
        schedule(new Op(OpKind.JOIN, Op.NO_OBJECT, target.getName(), "join", target));
        record(OpKind.JOIN, Op.NO_OBJECT, target.getName(), "join", null, null, target.id, null);
    }

    private void joinAllThreads() {
        for (int i = 1; i < threads.size(); i++) {
            joinThread(threads.get(i));
        }
    }

    void park() {
        LogicalThread self = currentThread();
        schedule(new Op(OpKind.PARK, permitId(self), self.getName() + ".permit", "park", null));
        self.permit = false;
        record(OpKind.PARK, permitId(self), self.getName() + ".permit", "park", true, false, -1, null);
    }

    void unpark(LogicalThread target) {
        schedule(new Op(OpKind.UNPARK, permitId(target), target.getName() + ".permit", "unpark", null));
        target.permit = true;
        record(OpKind.UNPARK, permitId(target), target.getName() + ".permit", "unpark", null, true, -1, null);
    }

    /**
     * Weak memory: the pseudo-object full fences are ordered on, so that exploration tries both orders of two full
     * fences (they decide what later loads may read). Below every permit id, never a real object.
     */
    public static final long FENCE_ORDER = Long.MIN_VALUE;

    /** The object id of a thread's parking permit: negative, below {@link Op#NO_OBJECT}, so never a real object. */
    private static long permitId(LogicalThread t) {
        return -2L - t.id;
    }

    void spinWait() {
        schedule(new Op(OpKind.SPIN, Op.NO_OBJECT, currentThread().getName(), "onSpinWait", null));
        record(OpKind.SPIN, Op.NO_OBJECT, current.getName(), "onSpinWait", null, null, -1, null);
    }

    void fence(String method) {
        if (memory != null && method.equals("fullFence")) {
            schedule(new Op(OpKind.FULL_FENCE, FENCE_ORDER, "fence", method, null));
            record(OpKind.FULL_FENCE, FENCE_ORDER, "fence", method, null, null, -1, null);
            return;
        }
        schedule(new Op(OpKind.FENCE, Op.NO_OBJECT, "fence", method, null));
        record(OpKind.FENCE, Op.NO_OBJECT, "fence", method, null, null, -1, null);
    }

    private void wakeSpawner(LogicalThread t) {
        if (t.spawner == null) {
            driverTurn.release();
        } else {
            t.spawner.giveTurn();
        }
    }

    void threadFailed(LogicalThread t, Throwable error) {
        fail(new Failure(FailureKind.EXCEPTION, t.getName() + " threw " + error, t.id, error));
    }

    void threadExits(LogicalThread t) {
        t.finished = true;
        t.pending = null;
        if (aborting) {
            return;
        }
        if (!t.announced) {
            t.announced = true;
            wakeSpawner(t);
            return;
        }
        LogicalThread next = chooseNext(t);
        if (next != null) {
            next.giveTurn();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Oracles and the end

    void allocated(ModelAllocation allocation) {
        allocations.add(allocation);
    }

    void violation(Violation violation) {
        fail(new Failure(FailureKind.LIFETIME, violation.toString(), current == null ? -1 : current.id, null));
    }

    /** Records the first failure and unwinds the execution. */
    public void fail(Failure f) {
        if (failure == null && !aborting) {
            failure = f;
        }
        abort();
    }

    private void complete() {
        if (checkLeaks && failure == null) {
            for (ModelAllocation a : allocations) {
                if (a.stateRaw() != AllocationState.FREED) {
                    failure = new Failure(FailureKind.LIFETIME, "leak of " + a.label() + ": the allocation was "
                            + "never freed (still " + a.stateRaw().name().toLowerCase() + " at the end)", -1, null);
                    break;
                }
            }
        }
        done.release();
    }

    private void abort() {
        if (aborting) {
            return;
        }
        aborting = true;
        for (LogicalThread t : threads) {
            if (!t.finished) {
                t.giveTurn();
            }
        }
        if (!threads.isEmpty() && threads.get(0).spawner == null) {
            driverTurn.release();
        }
        done.release();
    }
}
