/**
 * jcstress tests of the refcount family: the kernel's {@code refcount_t}
 * ({@link org.refcheck.protocols.refcount.Refcount}) and the Rust-for-Linux counted pointer built on it
 * ({@link org.refcheck.protocols.refcount.Ref}), each correct protocol paired with its mutants (B1, B3, B11) in a
 * test of the same shape, where the mutant's outcome is {@code ACCEPTABLE_INTERESTING} and the correct protocol's is
 * {@code FORBIDDEN}.
 */
package org.refcheck.stress.refcount;
