package org.refcheck.model.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;

/**
 * Runs a {@link ModelCheck} method under the model checker instead of once: the method is invoked reflectively as
 * the body of every execution, and the result is asserted on JUnit's thread.
 */
public final class ModelCheckExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) {
        invocation.skip();
        Method method = call.getExecutable();
        ModelCheck options = method.getAnnotation(ModelCheck.class);
        if (method.getParameterCount() != 0) {
            throw new IllegalStateException("@ModelCheck method " + method.getName() + " must take no parameters");
        }
        Object instance = call.getTarget().orElse(null);
        method.setAccessible(true);
        ModelResult result = Model.builder()
                .strategy(options.strategy())
                .maxPreemptions(options.maxPreemptions())
                .iterations(options.iterations())
                .checkLeaks(options.checkLeaks())
                .check(() -> invoke(method, instance));
        context.publishReportEntry(reportEntry(options, result));
        if (options.expectFailure()) {
            result.assertFailed();
        } else {
            result.assertPassed();
        }
    }

    /**
     * What the check found, as JUnit report entries under {@code refcheck.*} keys (JUnit refuses blank values, so an
     * unnamed protocol or variant is left out): the summary line, the verdict
     * ({@code caught} or {@code passed}), whether it was expected to fail, the effort, and for a failure the
     * counterexample as text, its trace as JSON and its replay schedule. The refcheck command turns these into its
     * results; any JUnit listener can read them.
     */
    static Map<String, String> reportEntry(ModelCheck options, ModelResult result) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("refcheck", result.summary());
        if (!options.protocol().isBlank()) {
            entry.put("refcheck.protocol", options.protocol());
        }
        if (!options.variant().isBlank()) {
            entry.put("refcheck.variant", options.variant());
        }
        entry.put("refcheck.verdict", result.failed() ? "caught" : "passed");
        entry.put("refcheck.expectFailure", Boolean.toString(options.expectFailure()));
        entry.put("refcheck.exhaustive", Boolean.toString(result.exhaustive()));
        entry.put("refcheck.executions", Long.toString(result.executions()));
        entry.put("refcheck.traces", Long.toString(result.traces()));
        entry.put("refcheck.wallMillis", Long.toString(result.wallTime().toMillis()));
        if (result.failed()) {
            entry.put("refcheck.failure", result.counterexample().failure().toString());
            entry.put("refcheck.counterexample", result.counterexample().render());
            entry.put("refcheck.trace", result.counterexample().toJson());
            entry.put("refcheck.schedule", result.counterexample().schedule().encode());
        }
        return entry;
    }

    private static void invoke(Method method, Object instance) {
        try {
            method.invoke(instance);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
