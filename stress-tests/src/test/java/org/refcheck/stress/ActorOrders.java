package org.refcheck.stress;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;

/**
 * Runs a jcstress test's actors outside jcstress, one after the other in a chosen order (or on two plain threads),
 * and grades the result by the test's own {@link Outcome} declarations the way jcstress does: an exact id first,
 * then the ids as regular expressions in declaration order, then the default outcome.
 *
 * <pre> {@code
 * String outcome = ActorOrders.sequential(KrefTablePutMutexTest.class, "lastPut", "lookup");   // "false, clean"
 * assertEquals(Expect.ACCEPTABLE, ActorOrders.grade(KrefTablePutMutexTest.class, outcome));
 * }</pre>
 *
 * <p>This checks that the outcome ids a test declares are the strings its arbiter produces: a typo in an id would
 * otherwise send an acceptable outcome to the default case unnoticed until jcstress runs.
 */
public final class ActorOrders {

    private ActorOrders() {
    }

    /** A fresh state of {@code test}, its actors called in the given order on this thread, then its arbiter. */
    public static String sequential(Class<?> test, String... actors) {
        Object state = newInstance(test);
        Object result = newResult(test);
        for (String name : actors) {
            invoke(actor(test, name), state, result);
        }
        invoke(arbiter(test), state, result);
        return result.toString();
    }

    /**
     * A fresh state of {@code test}, each of its two actors on its own thread started at once, then its arbiter;
     * for tests whose actors wait for each other.
     */
    public static String concurrent(Class<?> test, String first, String second) throws InterruptedException {
        Object state = newInstance(test);
        Object result = newResult(test);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of(first, second)) {
            Method actor = actor(test, name);
            Thread t = new Thread(() -> invoke(actor, state, result), name);
            t.setUncaughtExceptionHandler((thread, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " of " + test.getSimpleName() + " did not finish");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("an actor of " + test.getSimpleName() + " failed", failures.get(0));
        }
        invoke(arbiter(test), state, result);
        return result.toString();
    }

    /** How jcstress grades {@code outcome} by the {@link Outcome}s declared on {@code test}. */
    public static Expect grade(Class<?> test, String outcome) {
        Outcome[] declared = test.getAnnotationsByType(Outcome.class);
        for (Outcome o : declared) {
            if (Arrays.asList(o.id()).contains(outcome)) {
                return o.expect();
            }
        }
        for (Outcome o : declared) {
            for (String id : o.id()) {
                if (Pattern.matches(id, outcome)) {
                    return o.expect();
                }
            }
        }
        for (Outcome o : declared) {
            if (o.id().length == 0) {
                return o.expect();
            }
        }
        return Expect.FORBIDDEN;
    }

    private static Method actor(Class<?> test, String name) {
        for (Method m : test.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.isAnnotationPresent(Actor.class)) {
                return m;
            }
        }
        throw new IllegalArgumentException(test.getSimpleName() + " has no @Actor " + name);
    }

    private static Method arbiter(Class<?> test) {
        for (Method m : test.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Arbiter.class)) {
                return m;
            }
        }
        throw new IllegalArgumentException(test.getSimpleName() + " has no @Arbiter");
    }

    private static Object newResult(Class<?> test) {
        return newInstance(arbiter(test).getParameterTypes()[0]);
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName(), e);
        }
    }

    private static void invoke(Method method, Object state, Object result) {
        try {
            if (method.getParameterCount() == 0) {
                method.invoke(state);
            } else {
                method.invoke(state, result);
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method.getName() + " threw", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
