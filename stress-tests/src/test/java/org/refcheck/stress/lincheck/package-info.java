/**
 * The Lincheck harness: sizes from system properties, main-thread assertions for {@code runConcurrentTest}, an
 * invocation counter Lincheck does not reset, and {@link org.refcheck.stress.lincheck.LincheckVerdicts}, which holds
 * each check against the catalogue and records it for the summary.
 */
package org.refcheck.stress.lincheck;
