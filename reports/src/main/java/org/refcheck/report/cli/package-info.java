/**
 * The {@code refcheck} command: {@code check} runs the catalogue's suites (or a user's own) through the three
 * checkers in child JVMs and judges every verdict against the catalogue, {@code report} builds or merges result
 * sites, {@code replay} reruns one counterexample, {@code list} prints the catalogue.
 *
 * <p>The launcher script {@code ./refcheck} at the repository root builds {@code reports/target/refcheck.jar} when it
 * is missing or older than the sources, then runs {@link org.refcheck.report.cli.Refcheck}.
 */
package org.refcheck.report.cli;
