package org.refcheck.stress.harness;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.catalogue.Expected;

/**
 * What a checker harness needs to know about the JUnit test that called it: its name, the catalogue entry its
 * {@code @Checks} names, and whether the catalogue's cell for the harness's checker agrees with what the test
 * asserts. Shared by the Lincheck and model-checker harnesses.
 */
public final class CallingTest {

    private CallingTest() {
    }

    /** The root directory of verdict records ({@code -Drefcheck.verdicts}, default {@code target/verdicts}). */
    public static Path verdictRoot() {
        return Path.of(System.getProperty("refcheck.verdicts", "target/verdicts"));
    }

    /**
     * {@code Class#method} of the JUnit test method on the stack (found by its {@code @Test}-like annotation, so
     * calls from lambdas are attributed to their test), or else of the nearest caller outside {@code harness}
     * that is not a lambda.
     */
    public static String name(Class<?> harness) {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> {
            List<StackWalker.StackFrame> stack = frames
                    .filter(f -> f.getDeclaringClass() != harness && f.getDeclaringClass() != CallingTest.class)
                    .collect(Collectors.toList());
            return stack.stream().filter(f -> testMethod(f) != null).findFirst()
                    .or(() -> stack.stream().filter(f -> !f.getMethodName().startsWith("lambda$")).findFirst())
                    .map(f -> f.getClassName() + "#" + f.getMethodName())
                    .orElse("unknown");
        });
    }

    /** The entry named by {@code @Checks} on the calling test method, or else on its class. */
    public static Entry entry() {
        Method test = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(CallingTest::testMethod)
                .filter(m -> m != null)
                .findFirst()
                .orElseThrow(() -> new AssertionFailedError("no JUnit test method on the stack; pass the entry")));
        if (Catalogue.checksOf(test).isPresent()) {
            return Catalogue.forClass(test);
        }
        if (Catalogue.checksOf(test.getDeclaringClass()).isPresent()) {
            return Catalogue.forClass(test.getDeclaringClass());
        }
        throw new AssertionFailedError(test + " has no @Checks, nor has its class; annotate it or pass the entry");
    }

    /** Fails unless the catalogue's {@code checker} cell of {@code entry} is {@code wanted} and not pending. */
    public static void requireExpectation(Entry entry, Checker checker, Expectation wanted) {
        Expected expected = entry.expected(checker);
        if (expected.testsPending()) {
            throw new AssertionFailedError(entry + ": the catalogue's " + checker.title() + " cell is still pending; "
                    + "remove pending(...) from it now that a " + checker.title() + " test exists");
        }
        if (expected.expectation() != wanted) {
            throw new AssertionFailedError(entry + ": the catalogue expects " + checker.title() + " " + expected
                    + ", but the test asserts " + wanted + "; use the matching harness method or fix the catalogue");
        }
    }

    /** The JUnit test method a stack frame is in, or {@code null}. */
    private static Method testMethod(StackWalker.StackFrame frame) {
        for (Method m : frame.getDeclaringClass().getDeclaredMethods()) {
            if (m.getName().equals(frame.getMethodName())) {
                for (Annotation a : m.getAnnotations()) {
                    String name = a.annotationType().getSimpleName();
                    if (name.endsWith("Test") || name.equals("TestFactory") || name.equals("TestTemplate")) {
                        return m;
                    }
                }
            }
        }
        return null;
    }
}
