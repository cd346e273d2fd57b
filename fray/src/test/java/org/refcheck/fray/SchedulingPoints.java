package org.refcheck.fray;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Which operations Fray can switch threads at, measured: a spawned thread performs one operation twice on a shared
 * cell while the main thread, between starting and joining it, passes an AtomicInteger operation (a scheduling point
 * of Fray's) and takes a stamp of a plain counter (not one). The stamp falls between the spawned thread's two
 * operations only when Fray switched threads at the second one, so an operation that is no scheduling point never
 * shows it. This is why Fray cannot reach some of the
 * protocol mutants: refcheck's production back-end uses the VarHandle access modes the protocol asks for.
 */
final class SchedulingPoints {

    private SchedulingPoints() {
    }

    /** One operation, as refcheck's VarHandle back-end or java.util.concurrent performs it. */
    enum Operation {
        VARHANDLE_GET_AND_ADD("VarHandle getAndAdd", c -> VALUE.getAndAdd(c, 0)),
        VARHANDLE_COMPARE_AND_EXCHANGE("VarHandle compareAndExchange", c -> VALUE.compareAndExchange(c, -1, 0)),
        VARHANDLE_GET_ACQUIRE("VarHandle getAcquire", c -> VALUE.getAcquire(c)),
        VARHANDLE_GET_OPAQUE("VarHandle getOpaque", c -> VALUE.getOpaque(c)),
        VARHANDLE_SET_RELEASE("VarHandle setRelease", c -> VALUE.setRelease(c, 0)),
        VARHANDLE_COMPARE_AND_SET("VarHandle compareAndSet", c -> VALUE.compareAndSet(c, -1, 0)),
        VARHANDLE_GET_VOLATILE("VarHandle getVolatile", c -> VALUE.getVolatile(c)),
        VARHANDLE_SET_VOLATILE("VarHandle setVolatile", c -> VALUE.setVolatile(c, 0)),
        VOLATILE_FIELD_READ("volatile field read", c -> c.sink = c.value),
        ATOMIC_INTEGER_GET_AND_ADD("AtomicInteger getAndAdd", c -> c.atomic.getAndAdd(0));

        final String label;
        private final Consumer<Cell> body;

        Operation(String label, Consumer<Cell> body) {
            this.label = label;
            this.body = body;
        }
    }

    /** The shared cell and the plain clock of one iteration. */
    static final class Cell {
        volatile int value;
        int sink;
        final AtomicInteger atomic = new AtomicInteger();
        final AtomicInteger gate = new AtomicInteger();
        int clock;
    }

    /** One iteration's test body: true when the main thread's stamp fell between the two operations. */
    static boolean switchedBetween(Operation op) {
        Cell cell = new Cell();
        int[] stamps = new int[2];
        Thread t = new Thread(() -> {
            op.body.accept(cell);
            stamps[0] = ++cell.clock;
            op.body.accept(cell);
            stamps[1] = ++cell.clock;
        });
        t.start();
        cell.gate.getAndAdd(0);   // a scheduling point, so that the spawned thread may run before the stamp
        int main = ++cell.clock;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return stamps[0] < main && main < stamps[1];
    }

    /** In how many of {@code iterations} Fray searches with {@code strategy} switched threads at {@code op}. */
    static long count(Operation op, FrayRun.Strategy strategy, int iterations) {
        long[] switched = {0};
        FrayRun.Outcome o = FrayRun.search(() -> {
            if (switchedBetween(op)) {
                switched[0]++;
            }
        }, strategy, iterations, 60);
        if (o.found()) {
            throw new IllegalStateException(op.label + ": the probe itself failed under Fray", o.failure());
        }
        return switched[0];
    }

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Cell.class, "value", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
