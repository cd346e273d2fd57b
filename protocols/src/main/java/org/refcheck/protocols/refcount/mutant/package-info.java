/**
 * Known-bug variants of the refcount family, one bug each (refcheck bug catalogue ids): B1
 * {@link org.refcheck.protocols.refcount.mutant.UnsaturatedRefcount}, B3
 * {@link org.refcheck.protocols.refcount.mutant.UnguardedSubAndTestRefcount}, B11
 * {@link org.refcheck.protocols.refcount.mutant.TouchAfterDecrementRef}.
 */
package org.refcheck.protocols.refcount.mutant;
