package org.refcheck.protocols.devres.mutant;

import java.util.List;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.devres.Devres;

/**
 * Mutant B25: devres releases its nodes first-in-first-out, so a resource is released before the ones that were
 * acquired after it and depend on it.
 *
 * <p>Overrides {@link Devres#release(List)}: runs the to-do list from its first node.
 *
 * <p>Exposing interleaving (catalogue bug B25, the LIFO-ordering pitfall of drivers/base/devres.c's
 * {@code release_nodes} with the order inverted in the core instead of in the driver's registrations): unbind frees
 * the driver state first while the hardware is still enabled and the device file still registered; the hardware's
 * disable action, or a user's call arriving before the unregister, then uses the freed state. Symptom:
 * <b>use after free</b>.
 */
public class FifoDevres extends Devres {

    public FifoDevres(LifetimeTracker heap, String device) {
        super(heap, device);
    }

    /** The bug: first registered, first released. */
    @Override
    protected void release(List<Node> todo) {
        for (Node node : todo) {
            node.action().run();
        }
    }
}
