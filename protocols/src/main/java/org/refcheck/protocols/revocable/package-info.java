/**
 * Rust-for-Linux revocable data: {@link org.refcheck.protocols.revocable.Revocable} over RCU, and
 * {@link org.refcheck.protocols.revocable.AsyncRevocable}, a usage count with a revoked bit whose last user drops.
 * Known-bug variants are in the {@code mutant} sub-package.
 */
package org.refcheck.protocols.revocable;
