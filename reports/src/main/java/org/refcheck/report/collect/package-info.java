/**
 * Collectors: turn what each checker left behind (refcheck's verdict records and counterexample files, Lincheck's
 * failure text, jcstress's results file) and the catalogue into one {@link org.refcheck.report.schema.RunReport}.
 * {@link org.refcheck.report.collect.CollectResults} is the build's entry point.
 */
package org.refcheck.report.collect;
