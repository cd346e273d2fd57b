/**
 * Read-copy-update: a userspace RCU domain in the urcu-memb style ({@link org.refcheck.protocols.rcu.Rcu},
 * {@link org.refcheck.protocols.rcu.RcuReader}, {@link org.refcheck.protocols.rcu.RcuReadGuard}), a
 * quiescent-state-based urcu-qsbr domain ({@link org.refcheck.protocols.rcu.QsbrRcu}, {@link org.refcheck.protocols.rcu.QsbrReader},
 * {@link org.refcheck.protocols.rcu.QsbrReadGuard}, {@link org.refcheck.protocols.rcu.QsbrCell}), deferred
 * reclamation ({@link org.refcheck.protocols.rcu.CallRcu}), the RCU-protected pointer
 * ({@link org.refcheck.protocols.rcu.RcuPointer}), a read-mostly value updated the canonical way
 * ({@link org.refcheck.protocols.rcu.RcuCell}), and a sleepable SRCU domain ({@link org.refcheck.protocols.rcu.Srcu}).
 * Known-bug variants are in the {@code mutant} sub-package.
 */
package org.refcheck.protocols.rcu;
