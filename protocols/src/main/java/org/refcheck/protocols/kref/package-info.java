/**
 * The kernel's {@code struct kref} ({@link org.refcheck.protocols.kref.Kref}), the lookup-table patterns of
 * Documentation/core-api/kref.rst ({@link org.refcheck.protocols.kref.KrefTable} and its subclasses) and the
 * get-before-hand-off rule ({@link org.refcheck.protocols.kref.KrefHandoff}). Known-bug variants are in the
 * {@code mutant} sub-package.
 */
package org.refcheck.protocols.kref;
