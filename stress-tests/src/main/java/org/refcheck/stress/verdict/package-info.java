/**
 * Verdict records: one machine-readable file per test and checker under {@code target/verdicts/<checker>/},
 * written by the jcstress gate and the Lincheck harness and read by the summary.
 */
package org.refcheck.stress.verdict;
