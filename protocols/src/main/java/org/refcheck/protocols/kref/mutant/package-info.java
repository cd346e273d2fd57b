/**
 * Known-bug variants of the kref family, one bug each (protocols.md §10): B4
 * {@link org.refcheck.protocols.kref.mutant.MixedPatternKrefTable}, B5
 * {@link org.refcheck.protocols.kref.mutant.GetOutsideLockKrefTable}, B6
 * {@link org.refcheck.protocols.kref.mutant.LateGetKrefHandoff}.
 */
package org.refcheck.protocols.kref.mutant;
