/**
 * jcstress tests of the kref family: the get-before-hand-off rule ({@link org.refcheck.protocols.kref.KrefHandoff})
 * and the lookup-table patterns A, B and D of Documentation/core-api/kref.rst
 * ({@link org.refcheck.protocols.kref.KrefTable}), each correct protocol paired with its mutant (B4, B5, B6) in a test
 * of the same shape, where the mutant's outcome is {@code ACCEPTABLE_INTERESTING} and the correct protocol's is
 * {@code FORBIDDEN}.
 */
package org.refcheck.stress.kref;
