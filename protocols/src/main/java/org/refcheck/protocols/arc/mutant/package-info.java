/**
 * Known bugs of the {@code Arc}/{@code Weak} family, one per class, each a subclass of
 * {@link org.refcheck.protocols.arc.ArcScheme} (or {@link org.refcheck.protocols.arc.WeakRegistry}) overriding one
 * step. Ids refer to the bug catalogue (protocols.md §10).
 *
 * <table>
 *   <caption>Mutants and the checkers that can catch them</caption>
 *   <tr><th>Id</th><th>Class</th><th>Symptom</th><th>Visible under sequential consistency</th></tr>
 *   <tr><td>B7</td><td>{@link org.refcheck.protocols.arc.mutant.DropWithoutAcquireFence}</td>
 *       <td>data race on the value in its destructor</td><td>no (weak memory only)</td></tr>
 *   <tr><td>B8</td><td>{@link org.refcheck.protocols.arc.mutant.GetMutWithoutWeakLock}</td>
 *       <td>{@code getMut} succeeds while another {@code Arc} exists: aliasing mutable access</td><td>yes</td></tr>
 *   <tr><td>B9</td><td>{@link org.refcheck.protocols.arc.mutant.IsUniqueRelaxedStrongLoad}</td>
 *       <td>data race between {@code getMut}'s writes and another thread's earlier reads</td>
 *       <td>no (weak memory only)</td></tr>
 *   <tr><td>B10</td><td>{@link org.refcheck.protocols.arc.mutant.UpgradeWithFetchAdd}</td>
 *       <td>resurrection, use after destroy, double destroy</td><td>yes</td></tr>
 *   <tr><td>B11</td><td>{@link org.refcheck.protocols.arc.mutant.DropReadsInnerAfterDecrement}</td>
 *       <td>use after free</td><td>yes</td></tr>
 *   <tr><td>-</td><td>{@link org.refcheck.protocols.arc.mutant.EvictByKeyRegistry}</td>
 *       <td>a live object vanishes from the registry (lookup misses, duplicates)</td><td>yes</td></tr>
 * </table>
 */
package org.refcheck.protocols.arc.mutant;
