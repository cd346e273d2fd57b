/**
 * refcheck's stress-test suites: the catalogue of protocols and mutants with the verdict each checker must reach
 * ({@code catalogue}), the jcstress tests (one package per protocol family, self-checks of the infrastructure in
 * {@code selfcheck}), the jcstress gate ({@code gate}), verdict records ({@code verdict}) and the summary
 * ({@code summary}).
 */
package org.refcheck.stress;
