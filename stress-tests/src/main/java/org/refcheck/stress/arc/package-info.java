/**
 * jcstress tests of the {@code Arc}/{@code Weak} family ({@code org.refcheck.protocols.arc}): one container class per
 * race, with one nested 2-actor test for the correct protocol and one of the same shape for each mutant of that race.
 *
 * <ul>
 *   <li>{@link org.refcheck.stress.arc.ArcDropDropTests}: two holders drop their {@code Arc}s (B11, B7);</li>
 *   <li>{@link org.refcheck.stress.arc.ArcUpgradeDropTests}: a {@code Weak} upgrades while the last {@code Arc}
 *       drops (B10);</li>
 *   <li>{@link org.refcheck.stress.arc.ArcGetMutUpgradeTests}: {@code getMut} while a {@code Weak} upgrades
 *       (B8);</li>
 *   <li>{@link org.refcheck.stress.arc.ArcGetMutDropTests}: {@code getMut} while another {@code Arc} is read and
 *       dropped (B9);</li>
 *   <li>{@link org.refcheck.stress.arc.WeakRegistryLookupDropTests}: a find-or-create lookup while the registered
 *       object's last {@code Arc} drops (X1).</li>
 * </ul>
 *
 * <p>Every arbiter reports the lifetime tracker's findings ({@link org.refcheck.stress.arc.LifetimeFindings}) next
 * to the race's own observation, so that use after free, double destroy, leaks and resurrections are outcomes.
 * Run them all: {@code java -jar stress-tests/target/jcstress.jar -t org.refcheck.stress.arc}
 */
package org.refcheck.stress.arc;
