package org.refcheck.model.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.refcheck.model.Model;

/**
 * JUnit 5 entry point: the annotated test method is the body of a model check, run once per explored execution.
 *
 * <pre> {@code
 * @ModelCheck
 * void dropDrop() {
 *     LifetimeTracker heap = new LifetimeTracker();
 *     Ref<String> a = Ref.create(heap, "x");
 *     Ref<String> b = a.clone();
 *     Joinable t = Threads.spawn("dropper", b::drop);
 *     a.drop();
 *     t.join();
 * }
 *
 * @ModelCheck(expectFailure = true)     // a known bug: the test fails if no execution fails
 * void racyUpgrade() { ... }
 * }</pre>
 *
 * <p>The method must take no parameters; it runs as thread 0 of each execution and starts the others with
 * {@link org.refcheck.sync.Threads#spawn}. A failure is reported with its counterexample and replay line; system
 * properties ({@code refcheck.replay}, {@code refcheck.maxPreemptions}, ...) apply as for {@link Model#builder()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelCheckExtension.class)
public @interface ModelCheck {

    /** How schedules are chosen; exhaustive by default. */
    Model.Strategy strategy() default Model.Strategy.EXHAUSTIVE;

    /** Preemption bound per execution; negative (the default) for none. */
    int maxPreemptions() default -1;

    /** Executions for the random and PCT strategies. */
    int iterations() default 1_000;

    /** Whether an allocation left unfreed at the end of an execution is a failure. */
    boolean checkLeaks() default true;

    /** Whether the test checks a known bug: it passes only if some execution fails. */
    boolean expectFailure() default false;

    /**
     * The protocol this check is about, as refcheck's report names it (a row of the matrix); empty for the test
     * class's simple name.
     */
    String protocol() default "";

    /**
     * The protocol's variant: {@code "correct"}, or the name of the bug a mutant carries; empty for
     * {@code "correct"} when the check expects to pass, and the method's name when it expects a failure.
     */
    String variant() default "";
}
