package org.refcheck.stress.selfcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a jcstress self-check that exists to be caught: it races on purpose, declares the race's outcome
 * {@code ACCEPTABLE_INTERESTING}, and the jcstress gate fails the build if that outcome never shows. A canary that
 * stops singing means the run did not race at all (for example both actors were scheduled on one CPU), and then no
 * "PASSED" of a correct protocol in the same run is worth anything.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Canary {
}
