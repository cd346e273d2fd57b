/**
 * The catalogue: every protocol and mutant refcheck carries, the bug each mutant has, the kernel or Rust original,
 * and the verdict each checker must reach ({@link org.refcheck.stress.catalogue.Catalogue}); and the
 * {@link org.refcheck.stress.catalogue.Checks} annotation that ties a test to its entry.
 */
package org.refcheck.stress.catalogue;
