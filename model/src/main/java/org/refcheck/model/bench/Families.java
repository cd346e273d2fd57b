package org.refcheck.model.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;
import org.refcheck.sync.ValueClasses;

/**
 * Program families whose number of Mazurkiewicz traces is known, written against the facade: the yardsticks of
 * exhaustive exploration (a checker that reports another count is not exhaustive, or not optimal) and the standard
 * scenarios of the speed harness. Counts are those an optimal DPOR must produce (Abdulla et al.; Nidhugg).
 */
public final class Families {

    private Families() {
    }

    /** Runs {@code bodies} in spawned threads and joins them all. */
    public static void spawnAll(List<Runnable> bodies) {
        List<Joinable> started = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            started.add(Threads.spawn("t" + (i + 1), bodies.get(i)));
        }
        started.forEach(Joinable::join);
    }

    /** k threads touching disjoint cells: 1 trace. */
    public static Runnable independent(int k) {
        return () -> {
            List<Runnable> bodies = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                SharedInt own = SharedInt.of("x" + i, 0);
                bodies.add(() -> {
                    own.setVolatile(1);
                    own.getVolatile();
                    own.getAndAdd(1);
                });
            }
            spawnAll(bodies);
        };
    }

    /** k threads each writing one cell once: k! traces. */
    public static Runnable writers(int k) {
        return () -> {
            SharedInt x = SharedInt.of("x", 0);
            List<Runnable> bodies = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                int value = i + 1;
                bodies.add(() -> x.setVolatile(value));
            }
            spawnAll(bodies);
        };
    }

    /** readers(N): one writer stores to one cell, N readers load it: 2^N traces. */
    public static Runnable readers(int n) {
        return () -> {
            SharedInt x = SharedInt.of("x", 0);
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> x.setVolatile(1));
            for (int i = 0; i < n; i++) {
                bodies.add(x::getVolatile);
            }
            spawnAll(bodies);
        };
    }

    /**
     * lastzero(N): N writers {@code a[j] = a[j-1] + 1} (acquire load, release store) and one reader scanning
     * {@code a} from the end for a zero: 3,328 traces for N = 10.
     */
    public static Runnable lastZero(int n) {
        return () -> {
            SharedInt[] a = new SharedInt[n + 1];
            for (int i = 0; i <= n; i++) {
                a[i] = SharedInt.of("a[" + i + "]", 0);
            }
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                int i = n;
                while (a[i].getAcquire() != 0) {
                    i--;
                }
            });
            for (int j = 1; j <= n; j++) {
                int jj = j;
                bodies.add(() -> a[jj].setRelease(a[jj - 1].getAcquire() + 1));
            }
            spawnAll(bodies);
        };
    }

    /**
     * refcount(NT, OPS): NT threads share an object whose count starts at NT; each does OPS times {use; increment;
     * use; decrement} and then {use; decrement}, freeing at zero. Every pair of counter operations conflicts, so the
     * traces are the multinomial (NT(2 OPS + 1))! / ((2 OPS + 1)!)^NT: (2,1) = 20, (3,1) = 1,680,
     * (3,2) = 756,756.
     */
    public static Runnable refcount(int threads, int ops) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            SharedInt count = SharedInt.of("count", threads);
            Runnable drop = () -> {
                if (count.getAndAddRelease(-1) == 1) {
                    obj.free();
                }
            };
            List<Runnable> bodies = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                bodies.add(() -> {
                    for (int i = 0; i < ops; i++) {
                        obj.access();
                        count.getAndAdd(1);
                        obj.access();
                        drop.run();
                    }
                    obj.access();
                    drop.run();
                });
            }
            spawnAll(bodies);
        };
    }

    /** What the drop of {@link #refcountObserving} tells apart: old value below one, one (the last), above one. */
    private static final ValueClasses LAST_REFERENCE = ValueClasses.split(1, 2);

    /**
     * refcount(NT, OPS) written as a reference count uses its counter: increments ignore the old value
     * ({@link ValueClasses#NONE}) and decrements only ask whether it was the last reference. With value-aware
     * commutation the counter operations commute except around the zero crossing, so the traces are the NT
     * choices of the thread whose drop is the last (every use precedes it in happens-before), which the thread
     * that frees reports to {@code freedBy}.
     */
    public static Runnable refcountObserving(int threads, int ops, Consumer<String> freedBy) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            SharedInt count = SharedInt.of("count", threads);
            List<Runnable> bodies = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "t" + (t + 1);
                Runnable drop = () -> {
                    if (count.getAndAddRelease(-1, LAST_REFERENCE) == 1) {
                        obj.free();
                        freedBy.accept(name);
                    }
                };
                bodies.add(() -> {
                    for (int i = 0; i < ops; i++) {
                        obj.access();
                        count.getAndAdd(1, ValueClasses.NONE);
                        obj.access();
                        drop.run();
                    }
                    obj.access();
                    drop.run();
                });
            }
            spawnAll(bodies);
        };
    }

    /**
     * casrot(N), GenMC's compare-and-set rotation: {@code x} starts at 0 and thread i runs
     * {@code compareAndSet(x, i, i + 1)}. Traces for N = 2..9: 2, 5, 14, 43, 144, 523, 2,048, 8,597. The values the
     * compare-and-sets found name the trace (successes always run 0, 1, 2, ... in order, and a failure's value says
     * which success it followed); they are reported to {@code trace} at the end.
     */
    public static Runnable casRotation(int n, Consumer<String> trace) {
        return () -> {
            SharedInt x = SharedInt.of("x", 0);
            int[] found = new int[n];
            List<Runnable> bodies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int from = i;
                bodies.add(() -> found[from] = x.compareAndExchange(from, from + 1));
            }
            spawnAll(bodies);
            trace.accept(java.util.Arrays.toString(found));
        };
    }

    /** The multinomial trace count of {@link #refcount}. */
    public static long refcountTraces(int threads, int ops) {
        int per = 2 * ops + 1;
        java.math.BigInteger n = factorial(threads * per);
        java.math.BigInteger d = factorial(per).pow(threads);
        return n.divide(d).longValueExact();
    }

    private static java.math.BigInteger factorial(int n) {
        java.math.BigInteger f = java.math.BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(java.math.BigInteger.valueOf(i));
        }
        return f;
    }
}
