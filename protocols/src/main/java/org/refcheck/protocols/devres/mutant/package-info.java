/**
 * Known-bug variants of devres (refcheck bug catalogue ids): B25
 * {@link org.refcheck.protocols.devres.mutant.FifoDevres} (released first in, first out: use after free) and X21
 * {@link org.refcheck.protocols.devres.mutant.NoResetDevres} (add-action-or-reset that does not reset: a leak on an
 * error path, found only by fault injection).
 */
package org.refcheck.protocols.devres.mutant;
