/**
 * The kernel's {@code refcount_t} ({@link org.refcheck.protocols.refcount.Refcount}, full width or narrow) and the
 * Rust-for-Linux counted pointer built on it ({@link org.refcheck.protocols.refcount.Ref},
 * {@link org.refcheck.protocols.refcount.RefBorrow}, {@link org.refcheck.protocols.refcount.RefInner}).
 * Known-bug variants are in the {@code mutant} sub-package.
 */
package org.refcheck.protocols.refcount;
