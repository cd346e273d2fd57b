/**
 * Known-bug variants of the kref family, one bug each (refcheck bug catalogue ids): B4
 * {@link org.refcheck.protocols.kref.mutant.MixedPatternKrefTable}, B5
 * {@link org.refcheck.protocols.kref.mutant.GetOutsideLockKrefTable}, B6
 * {@link org.refcheck.protocols.kref.mutant.LateGetKrefHandoff}.
 */
package org.refcheck.protocols.kref.mutant;
