/**
 * Known-bug variants of the RCU family, one bug each (refcheck bug catalogue ids): B12
 * {@link org.refcheck.protocols.rcu.mutant.SynchronizeInReaderRcuCell}, B13
 * {@link org.refcheck.protocols.rcu.mutant.UseAfterUnlockRcuCell}, B14
 * {@link org.refcheck.protocols.rcu.mutant.ImmediateCallRcu}, B15 {@link org.refcheck.protocols.rcu.mutant.OnePhaseRcu},
 * X22 {@link org.refcheck.protocols.rcu.mutant.AssignWithoutReleaseRcuCell} (publication without release: weak
 * memory only); of urcu-qsbr: X23 {@link org.refcheck.protocols.rcu.mutant.QuiescentInUseQsbrCell}, X24
 * {@link org.refcheck.protocols.rcu.mutant.OnlineSynchronizeQsbrRcu}, X25
 * {@link org.refcheck.protocols.rcu.mutant.UnfencedQuiescentStateQsbrRcu} (weak memory only), X26
 * {@link org.refcheck.protocols.rcu.mutant.UnfencedOnlineQsbrRcu} (store buffering: not under sequential
 * consistency).
 */
package org.refcheck.protocols.rcu.mutant;
