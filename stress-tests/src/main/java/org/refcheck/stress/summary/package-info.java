/**
 * The summary: one matrix of every catalogue entry against every checker's verdicts, and the build's last word on
 * whether the checkers did their job.
 */
package org.refcheck.stress.summary;
