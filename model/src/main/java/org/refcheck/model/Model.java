package org.refcheck.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.refcheck.model.explore.Dpor;
import org.refcheck.model.explore.NaiveDfs;
import org.refcheck.model.explore.ParallelExploration;
import org.refcheck.model.explore.Pct;
import org.refcheck.model.explore.RandomWalk;
import org.refcheck.model.explore.Replay;
import org.refcheck.model.explore.Schedule;
import org.refcheck.model.memory.MemoryModel;
import org.refcheck.model.memory.WeakMemory;
import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Execution;
import org.refcheck.model.rt.Failure;
import org.refcheck.model.rt.LogicalThread;
import org.refcheck.model.rt.SchedulingStrategy;

/**
 * refcheck's model checker: runs a test body again and again, each time under a different schedule of its
 * threads, until every interleaving that matters has been seen or a failure is found.
 *
 * <pre> {@code
 * ModelResult result = Model.builder().check(() -> {
 *     LifetimeTracker heap = new LifetimeTracker();
 *     Ref<String> a = Ref.create(heap, "payload");
 *     Ref<String> b = a.clone();
 *     Joinable t = Threads.spawn("dropper", b::drop);
 *     a.drop();
 *     t.join();
 * });
 * result.assertPassed();
 * }</pre>
 *
 * <p>The body runs as thread 0 and starts the others with {@link org.refcheck.sync.Threads#spawn}; every facade
 * operation is a scheduling point. Oracles: lifetime violations (use after destroy or free, double destroy or
 * free, resurrection, and leaks: every tracked allocation must be freed when the execution ends), an exception in
 * any thread, deadlock, a step bound (possible livelock), predicates added with {@link Builder#atEnd}, and
 * non-determinism (a test that does something else under the same schedule).
 *
 * <p>Every option has a system property, so a build can scale runs up without code changes:
 * {@code refcheck.strategy} (exhaustive, random, pct), {@code refcheck.maxPreemptions}, {@code refcheck.maxSteps},
 * {@code refcheck.orderAllAdds}, {@code refcheck.stateCache} (off, observations, positions),
 * {@code refcheck.maxExecutions}, {@code refcheck.iterations}, {@code refcheck.seed}, {@code refcheck.pctDepth},
 * {@code refcheck.workers} (threads of exhaustive exploration; 0 for one per CPU), {@code refcheck.shard}
 * ({@code K/N}: explore only shard K of N, for many machines), {@code refcheck.memoryModel} (sc, weak),
 * {@code refcheck.storeHistory} (how many stores a weak load may choose from), and {@code refcheck.replay} (a
 * schedule string from a counterexample: run only that execution).
 */
public final class Model {

    private Model() {
    }

    /** A builder with the defaults, overridden by system properties where set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Explores {@code body} exhaustively with the defaults. */
    public static ModelResult check(Runnable body) {
        return builder().check(body);
    }

    /** How schedules are chosen. */
    public enum Strategy {
        /** Every Mazurkiewicz trace once (optimal dynamic partial-order reduction). */
        EXHAUSTIVE,
        /** Uniformly random schedules. */
        RANDOM,
        /** Probabilistic concurrency testing: random priorities with a few priority change points. */
        PCT,
        /** Every interleaving, without reduction: the baseline reductions are checked and measured against. */
        NAIVE
    }

    /**
     * The optional state cache: exhaustive exploration becomes stateful depth-first search over every enabled
     * thread, cutting an execution where it reaches a state an earlier one reached (as SPIN merges states), in
     * place of partial-order reduction. For tests whose threads share state only through facade objects.
     */
    public enum StateCache {
        /** No cache: optimal dynamic partial-order reduction. */
        OFF,
        /**
         * A state is the facade objects' values and, per thread, its position and everything it observed: sound
         * for any deterministic thread, merging only schedules in which each thread saw the same values.
         */
        OBSERVATIONS,
        /**
         * A state is the facade objects' values and, per thread, only which operations it performed: for tests
         * whose threads keep no hidden local state (what a thread does next depends on the operations it performed
         * and the shared state, not on values it remembers).
         */
        POSITIONS
    }

    /** Options of a run. */
    public static final class Builder {
        private Strategy strategy = Strategy.valueOf(
                System.getProperty("refcheck.strategy", "exhaustive").toUpperCase(Locale.ROOT));
        private int maxPreemptions = Integer.getInteger("refcheck.maxPreemptions", -1);
        private int maxSteps = Integer.getInteger("refcheck.maxSteps", 10_000);
        private long maxExecutions = Long.getLong("refcheck.maxExecutions", Long.MAX_VALUE);
        private int iterations = Integer.getInteger("refcheck.iterations", 1_000);
        private long seed = Long.getLong("refcheck.seed", 42L);
        private int pctDepth = Integer.getInteger("refcheck.pctDepth", 3);
        private String replay = System.getProperty("refcheck.replay");
        private boolean checkLeaks = true;
        private StateCache stateCache = StateCache.valueOf(
                System.getProperty("refcheck.stateCache", "off").toUpperCase(Locale.ROOT));
        private boolean commuteAdditions = !Boolean.getBoolean("refcheck.orderAllAdds");
        private boolean stopOnFirstFailure = true;
        private int workers = Workers.fromProperty();
        private int[] shard = Workers.shardFromProperty();
        private MemoryModel memoryModel = MemoryModel.valueOf(
                System.getProperty("refcheck.memoryModel", "sc").toUpperCase(Locale.ROOT));
        private int storeHistory = Integer.getInteger("refcheck.storeHistory", 3);
        private final List<Runnable> predicates = new ArrayList<>();
        private Consumer<Failure> onFailure = failure -> { };

        private Builder() {
        }

        public Builder strategy(Strategy s) {
            this.strategy = s;
            return this;
        }

        /** At most this many preemptions per execution (a negative number: unbounded, the default). */
        public Builder maxPreemptions(int bound) {
            this.maxPreemptions = bound;
            return this;
        }

        /** Executions longer than this are failures of kind "possible livelock". */
        public Builder maxSteps(int steps) {
            this.maxSteps = steps;
            return this;
        }

        /** Stop after this many executions (the result is then not exhaustive). */
        public Builder maxExecutions(long executions) {
            this.maxExecutions = executions;
            return this;
        }

        /** Executions for the random and PCT strategies. */
        public Builder iterations(int n) {
            this.iterations = n;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder pctDepth(int depth) {
            this.pctDepth = depth;
            return this;
        }

        /** Run only the execution this schedule string describes. */
        public Builder replay(String schedule) {
            this.replay = schedule;
            return this;
        }

        /** Whether a tracked allocation still unfreed at the end of an execution is a failure (default true). */
        public Builder checkLeaks(boolean check) {
            this.checkLeaks = check;
            return this;
        }

        /**
         * Whether adds that declared the interval of the old value they observe
         * ({@link org.refcheck.sync.ValueClasses}) may commute when no reordering moves an old value out of its
         * interval (default true; {@code -Drefcheck.orderAllAdds=true} turns it off). Off, exhaustive exploration
         * visits every order of them, the unreduced baseline the reduction is checked against.
         */
        public Builder commuteAdditions(boolean commute) {
            this.commuteAdditions = commute;
            return this;
        }

        /** The state cache for exhaustive exploration (default {@link StateCache#OFF}). */
        public Builder stateCache(StateCache cache) {
            this.stateCache = cache;
            return this;
        }

        /**
         * Threads that explore in parallel (default 1; {@code -Drefcheck.workers}, where 0 means one per CPU).
         * Exhaustive exploration without a preemption bound or state cache is then split into parts explored
         * independently ({@link org.refcheck.model.explore.ParallelExploration}); other strategies run on one.
         */
        public Builder workers(int n) {
            this.workers = Workers.resolve(n);
            return this;
        }

        /**
         * The memory model (default {@link MemoryModel#SC}, or the system property {@code refcheck.memoryModel}).
         * {@link MemoryModel#WEAK} explores which store each opaque and acquire load reads, tracks happens-before
         * through release/acquire pairs and fences, and fails executions with data races on plain accesses and on
         * the lifetime events of tracked allocations. Not with a state cache.
         */
        public Builder memoryModel(MemoryModel model) {
            this.memoryModel = model;
            return this;
        }

        /**
         * Explores only shard {@code index} of {@code count} (0-based; default 0 of 1, {@code -Drefcheck.shard=K/N}):
         * run every shard, on as many machines, to cover the test once. A shard's result is never exhaustive.
         */
        public Builder shard(int index, int count) {
            this.shard = Workers.checkShard(index, count);
            return this;
        }

        /**
         * Under weak memory, how many of the latest stores to a cell that coherence leaves visible a load may read
         * (default 3, {@code refcheck.storeHistory}); 1 makes loads read the latest store, leaving only the
         * happens-before checks.
         */
        public Builder storeHistory(int stores) {
            if (stores < 1) {
                throw new IllegalArgumentException("storeHistory must be at least 1: " + stores);
            }
            this.storeHistory = stores;
            return this;
        }

        /** Whether to stop at the first failing execution (default true) or keep exploring. */
        public Builder stopOnFirstFailure(boolean stop) {
            this.stopOnFirstFailure = stop;
            return this;
        }

        /**
         * Called with the failure of every failing execution, in order (with {@link #stopOnFirstFailure} off: every
         * distinct way the test fails).
         */
        public Builder onFailure(Consumer<Failure> listener) {
            this.onFailure = listener;
            return this;
        }

        /** A check run at the end of every execution, in thread 0, after every thread has finished. */
        public Builder atEnd(Runnable predicate) {
            predicates.add(predicate);
            return this;
        }

        /** Explores {@code body}. */
        public ModelResult check(Runnable body) {
            long start = System.nanoTime();
            if (memoryModel == MemoryModel.WEAK && strategy == Strategy.EXHAUSTIVE && stateCache != StateCache.OFF) {
                throw new IllegalArgumentException("refcheck.stateCache=" + stateCache.name().toLowerCase(Locale.ROOT)
                        + " does not support refcheck.memoryModel=weak: turn one of them off");
            }
            Run run = new Run(body);
            if (replay != null) {
                run.once(new Replay(Schedule.parse(replay)));
                return run.result("replay", start, false);
            }
            if (strategy == Strategy.EXHAUSTIVE && stateCache != StateCache.OFF) {
                return run.depthFirst(new NaiveDfs(stateCache == StateCache.POSITIONS), "stateful", start);
            }
            if ((workers > 1 || shard[1] > 1) && memoryModel == MemoryModel.WEAK) {
                throw new IllegalArgumentException("parallel or sharded exploration (workers " + workers + ", shard "
                        + (shard[0] + 1) + "/" + shard[1] + ") does not combine with weak memory yet: a part's prefix "
                        + "fixes threads, not the stores its loads read");
            }
            if (strategy == Strategy.EXHAUSTIVE && maxPreemptions < 0 && (workers > 1 || shard[1] > 1)) {
                return run.parallel(start);
            }
            switch (strategy) {
                case EXHAUSTIVE -> {
                    boolean more = run.explore(maxPreemptions);
                    boolean complete = !more && run.pruned == 0;
                    if (run.failing != null && stopOnFirstFailure) {
                        run.fewerSwitches();
                    }
                    return run.result("exhaustive", start, complete && run.failing == null);
                }
                case NAIVE -> {
                    return run.depthFirst(new NaiveDfs(), "naive", start);
                }
                case RANDOM -> {
                    RandomWalk walk = new RandomWalk(seed);
                    for (int i = 0; i < iterations && (run.failing == null || !stopOnFirstFailure); i++) {
                        run.once(walk);
                    }
                    return run.result("random", start, false);
                }
                default -> {
                    Pct pct = new Pct(seed, pctDepth, 64);
                    for (int i = 0; i < iterations && (run.failing == null || !stopOnFirstFailure); i++) {
                        pct.beginExecution();
                        pct.endExecution(run.once(pct));
                    }
                    return run.result("pct", start, false);
                }
            }
        }

        /** Preemption bounds tried when minimising a counterexample. */
        private static final int MINIMISE_UP_TO = 3;

        /** The running totals of one {@link #check}. */
        private final class Run {
            final Runnable body;
            long executions;
            long traces;
            long sleepBlocked;
            long pruned;
            long merged;
            int longest;
            Execution failing;

            Run(Runnable body) {
                this.body = body;
            }

            /** Depth-first over every enabled thread, with or without a state cache. */
            ModelResult depthFirst(NaiveDfs dfs, String name, long start) {
                boolean more = true;
                while (more && executions < maxExecutions) {
                    dfs.beginExecution();
                    Execution e = once(dfs);
                    if (e.failure() != null && stopOnFirstFailure) {
                        break;
                    }
                    more = dfs.endExecution();
                }
                merged = dfs.merged();
                return result(name, start, !more && failing == null);
            }

            /** Optimal DPOR under a preemption bound; returns whether branches were left unexplored. */
            boolean explore(int bound) {
                Dpor dpor = new Dpor(bound, commuteAdditions, memoryModel == MemoryModel.WEAK);
                boolean more = true;
                while (more && executions < maxExecutions) {
                    dpor.beginExecution();
                    Execution e = once(dpor);
                    if (e.failure() != null && stopOnFirstFailure) {
                        break;
                    }
                    more = dpor.endExecution(e);
                }
                sleepBlocked += dpor.sleepBlocked();
                pruned += dpor.boundPruned();
                return more;
            }

            /** Exhaustive exploration split into parts, explored by {@code workers} threads (this shard's parts). */
            ModelResult parallel(long start) {
                ParallelExploration.Totals t = ParallelExploration.explore(this::once, commuteAdditions, workers,
                        shard[0], shard[1], this::shouldStop);
                sleepBlocked += t.sleepBlocked();
                if (failing != null && stopOnFirstFailure) {
                    fewerSwitches();
                }
                String name = "exhaustive, " + workers + " workers, " + t.parts() + " parts"
                        + (shard[1] > 1 ? ", shard " + shard[0] + "/" + shard[1] : "");
                return result(name, start, t.complete() && failing == null && shard[1] == 1);
            }

            synchronized boolean shouldStop() {
                return (failing != null && stopOnFirstFailure) || executions >= maxExecutions;
            }

            /**
             * Cheap minimisation of a counterexample: explores again under preemption bounds 0, 1, ... below the
             * failing schedule's context switches, and keeps the first failure found, which needs the fewest
             * preemptions. Executions spent here are counted like any other.
             */
            void fewerSwitches() {
                int switches = Schedule.of(failing.events()).switches();
                for (int bound = 0; bound < Math.min(switches, MINIMISE_UP_TO); bound++) {
                    Execution found = failing;
                    failing = null;
                    long prunedBefore = pruned;
                    explore(bound);
                    pruned = prunedBefore;
                    if (failing != null && Schedule.of(failing.events()).switches() < switches) {
                        return;
                    }
                    failing = found;
                }
            }

            Execution once(SchedulingStrategy strategy) {
                return once(strategy, e -> true);
            }

            /**
             * Runs one execution; safe to call from several exploration workers at once. A finished execution counts
             * as a trace if {@code countsAsTrace} says so.
             */
            Execution once(SchedulingStrategy strategy, java.util.function.Predicate<Execution> countsAsTrace) {
                Execution e = new Execution(strategy, maxSteps, checkLeaks, false, memory());
                e.run(body, predicates);
                boolean trace = !e.wasCut() && countsAsTrace.test(e);
                synchronized (this) {
                    account(e, trace);
                }
                return e;
            }

            private void account(Execution e, boolean trace) {
                executions++;
                if (trace) {
                    traces++;
                }
                longest = Math.max(longest, e.events().size());
                if (e.failure() != null) {
                    onFailure.accept(e.failure());
                }
                if (e.failure() != null && failing == null) {
                    failing = e;
                }
            }

            /** A fresh happens-before tracker for one execution, or {@code null} under sequential consistency. */
            WeakMemory memory() {
                return memoryModel == MemoryModel.WEAK ? new WeakMemory(storeHistory) : null;
            }

            ModelResult result(String name, long start, boolean exhaustive) {
                Counterexample cx = failing == null ? null : counterexample(failing);
                return new ModelResult(name, executions, traces, sleepBlocked, pruned, merged, longest,
                        Duration.ofNanos(System.nanoTime() - start), exhaustive, cx);
            }

            /** Replays the failing schedule with source locations on, and checks it fails the same way again. */
            private Counterexample counterexample(Execution failed) {
                Schedule schedule = Schedule.of(failed.events());
                Execution again = new Execution(new Replay(schedule), maxSteps, checkLeaks, true, memory());
                again.run(body, predicates);
                boolean same = again.failure() != null && again.failure().kind() == failed.failure().kind();
                Execution shown = same ? again : failed;
                List<String> names = new ArrayList<>();
                for (LogicalThread t : shown.threads()) {
                    names.add(t.getName());
                }
                List<Event> events = List.copyOf(shown.events());
                return new Counterexample(shown.failure(), events, names, schedule, same);
            }
        }
    }
}
