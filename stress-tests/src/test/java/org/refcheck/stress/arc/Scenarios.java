package org.refcheck.stress.arc;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Hand-written Lincheck scenarios without the Kotlin DSL: the exposing shapes of the Arc family's bugs, added to the
 * random ones with {@code addCustomScenario} so that every run checks them first.
 *
 * <pre> {@code
 * Scenarios.of(ArcHandleOperations.class)
 *         .init("dropArc", 0)
 *         .thread("dropArc", 1)
 *         .thread("dropArc", 2)
 *         .post("upgrade", 3)
 *         .build();
 * }</pre>
 *
 * <p>Operations are found by name on the operations class (names must be unique there); their arguments are given
 * explicitly, including the thread id a {@code ThreadIdGen} parameter would have received: 0 in the init part,
 * {@code t} in parallel thread {@code t}, {@code threads + 1} in the post part. Lincheck attaches the class's
 * {@code @Validate} function to custom scenarios itself.
 */
final class Scenarios {

    private final Class<?> operations;
    private final List<Actor> init = new ArrayList<>();
    private final List<List<Actor>> parallel = new ArrayList<>();
    private final List<Actor> post = new ArrayList<>();

    private Scenarios(Class<?> operations) {
        this.operations = operations;
    }

    /** A scenario builder for the operations declared by {@code operations} or its superclasses. */
    static Scenarios of(Class<?> operations) {
        return new Scenarios(operations);
    }

    /** Appends one operation to the init part. */
    Scenarios init(String operation, Object... arguments) {
        init.add(actor(operation, arguments));
        return this;
    }

    /** Adds a parallel thread running the given operations, each given as {@code {name, arguments...}}. */
    Scenarios thread(Object[]... operationsWithArguments) {
        List<Actor> actors = new ArrayList<>();
        for (Object[] op : operationsWithArguments) {
            actors.add(actor((String) op[0], Arrays.copyOfRange(op, 1, op.length)));
        }
        parallel.add(actors);
        return this;
    }

    /** Adds a parallel thread running one operation. */
    Scenarios thread(String operation, Object... arguments) {
        parallel.add(List.of(actor(operation, arguments)));
        return this;
    }

    /** Appends one operation to the post part. */
    Scenarios post(String operation, Object... arguments) {
        post.add(actor(operation, arguments));
        return this;
    }

    /** The scenario. */
    ExecutionScenario build() {
        return new ExecutionScenario(List.copyOf(init), List.copyOf(parallel), List.copyOf(post), null);
    }

    /** One operation and its arguments, for {@link #thread(Object[][])}. */
    static Object[] op(String operation, Object... arguments) {
        Object[] op = new Object[arguments.length + 1];
        op[0] = operation;
        System.arraycopy(arguments, 0, op, 1, arguments.length);
        return op;
    }

    private Actor actor(String operation, Object[] arguments) {
        Method found = null;
        for (Method m : operations.getMethods()) {
            if (m.getName().equals(operation)) {
                if (found != null) {
                    throw new IllegalArgumentException(operations.getSimpleName() + " has several " + operation);
                }
                found = m;
            }
        }
        if (found == null || found.getParameterCount() != arguments.length) {
            throw new IllegalArgumentException(operations.getSimpleName() + " has no " + operation + " taking "
                    + arguments.length + " argument(s)");
        }
        return new Actor(found, List.of(arguments));
    }
}
