package org.refcheck.model.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
        context.publishReportEntry("refcheck", result.summary());
        if (options.expectFailure()) {
            result.assertFailed();
        } else {
            result.assertPassed();
        }
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
