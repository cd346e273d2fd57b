/**
 * Self-checks of the test infrastructure itself, on real hardware: the lifetime tracker and the facade mutex under
 * jcstress, and a canary race that must be observed in every run. jcstress tests in this package need no
 * {@link org.refcheck.stress.catalogue.Checks}; the gate requires them to pass (and canaries to be caught).
 */
package org.refcheck.stress.selfcheck;
