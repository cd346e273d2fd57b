/**
 * Known-bug variants of Revocable (refcheck bug catalogue ids): B14
 * {@link org.refcheck.protocols.revocable.mutant.RevokeWithoutGracePeriod}.
 */
package org.refcheck.protocols.revocable.mutant;
