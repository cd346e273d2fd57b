/**
 * Rust std's {@code Arc<T>} / {@code Weak<T>} (library/alloc/src/sync.rs) on refcheck's atomics facade, and a
 * lookup structure of weak references whose entries die with their objects.
 *
 * <ul>
 *   <li>{@link org.refcheck.protocols.arc.Arc} and {@link org.refcheck.protocols.arc.Weak}: the handles;</li>
 *   <li>{@link org.refcheck.protocols.arc.ArcInner}: the shared allocation, two counters and the value;</li>
 *   <li>{@link org.refcheck.protocols.arc.ArcScheme}: the protocol steps, overridable one at a time;
 *       {@link org.refcheck.protocols.arc.ArcScheme#STD} is std's, the {@code mutant} package holds the known
 *       bugs;</li>
 *   <li>{@link org.refcheck.protocols.arc.WeakRegistry}: a mutex-protected table of {@code Weak}s, like a kernel
 *       object cache.</li>
 * </ul>
 */
package org.refcheck.protocols.arc;
