package org.refcheck.protocols.arc.mutant;

import org.refcheck.protocols.arc.Weak;
import org.refcheck.protocols.arc.WeakRegistry;

/**
 * A {@link WeakRegistry} whose destructors evict by key alone: the dying object removes whatever entry its key holds,
 * even a newer object's.
 *
 * <p>Bug: the common {@code impl Drop for V { fn drop(&mut self) { CACHE.lock().remove(&self.key); } }} pattern of
 * weak-value caches and interners, and its kernel counterpart, a release callback that unlinks "the entry for this
 * id" instead of its own node. It has no entry of its own in the §10 catalogue; it belongs with the lookup-table bugs
 * B4/B5 (a lookup structure whose entries die with their objects). The correct registry removes the entry only if
 * it is the dying object's own ({@link WeakRegistry#ownsSlot}); this mutant answers "yes" for any entry.
 *
 * <p>Exposing interleaving: object A is registered under key k.
 * <ol>
 *   <li>T1 drops A's last {@code Arc}: {@code strong} 1 to 0, {@code drop_slow} starts A's destructor, which has not
 *       yet taken the registry lock;</li>
 *   <li>T2 looks k up: the upgrade refuses A's zero count, so T2 creates B and registers it under k (the registry
 *       drops A's dead {@code Weak});</li>
 *   <li>T1's destructor takes the lock and removes k's entry, which is now B's, and drops B's {@code Weak}.</li>
 * </ol>
 *
 * <p>Symptom: B is alive but unreachable through the registry: a later lookup of k misses, and a find-or-create
 * caller builds a duplicate of B, breaking the cache's one-object-per-key invariant. No memory is leaked or used after
 * free (the removed {@code Weak} is dropped once); the bug is visible under sequential consistency as a lookup that
 * returns {@code null} while an object registered under the key is alive.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class EvictByKeyRegistry<K, V> extends WeakRegistry<K, V> {

    /** An empty mutant registry. */
    public EvictByKeyRegistry(String label) {
        super(label);
    }

    /** Treats every entry under the key as the dying object's own. */
    @Override
    protected boolean ownsSlot(Weak<V> entry, V dying) {
        return true;
    }
}
