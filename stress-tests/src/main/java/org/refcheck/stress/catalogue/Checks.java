package org.refcheck.stress.catalogue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link Catalogue} entry a test checks.
 *
 * <p>Put it on every jcstress test class (the class carrying {@code @JCStressTest}; an enclosing container class
 * does not count) and on every Lincheck operations class or test method, so that the jcstress gate and the summary
 * can hold the test's result against the verdict the catalogue expects:
 *
 * <pre> {@code
 * @JCStressTest
 * @Checks(protocol = "kref-handoff", variant = "get-after-handoff")
 * @Outcome(id = "0", expect = ACCEPTABLE, desc = "no violation")
 * @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "the late kref_get revived a freed object")
 * @State
 * public static class GetAfterHandoff { ... }
 * }</pre>
 *
 * <p>Ids that are not in the catalogue fail the build ({@link ChecksScanner}, the jcstress gate, and
 * {@link Catalogue#forClass(Class)}). jcstress tests without {@code @Checks} are only allowed in
 * {@code org.refcheck.stress.selfcheck}, where they check the infrastructure itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Checks {

    /** The protocol id, e.g. {@code "arc-weak"}. */
    String protocol();

    /** The variant: {@code "correct"} or the mutant's bug name, e.g. {@code "upgrade-fetch-add"}. */
    String variant();
}
