/**
 * jcstress tests of the RCU family: the urcu-memb domain with its cell, call_rcu and two-phase grace period
 * ({@link org.refcheck.protocols.rcu.RcuCell}), the urcu-qsbr domain with its cell
 * ({@link org.refcheck.protocols.rcu.QsbrCell}), SRCU, Revocable and AsyncRevocable, and the GPIO chip pointer,
 * each correct protocol paired with its mutant (B12 to B16, X23, X24) in a test of the same shape, where the
 * mutant's outcome is {@code ACCEPTABLE_INTERESTING} and the correct protocol's is {@code FORBIDDEN}.
 */
package org.refcheck.stress.rcu;
