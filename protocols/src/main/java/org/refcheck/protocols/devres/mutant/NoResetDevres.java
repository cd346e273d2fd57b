package org.refcheck.protocols.devres.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.devres.Devres;

/**
 * Mutant X21 (refcheck's own id: the bug table has no devres error-path row): {@code devm_add_action_or_reset}
 * that does not run the action when the node cannot be added, which makes it plain {@code devm_add_action} with an
 * unchecked error path.
 *
 * <p>Overrides {@link Devres#addActionOrReset}: returns {@link Devres#addAction}'s error and nothing else.
 *
 * <p>Exposing execution (include/linux/device/devres.h {@code __devm_add_action_or_reset}: "if (ret)
 * action(data)"): the probe enables the hardware, then the devres node for its disable action cannot be
 * allocated ({@code -ENOMEM}). The probe fails; the driver core releases what devres holds, which does not include
 * the disable, so the hardware stays enabled. Symptom: <b>leak</b>, on an error path only: without an injected
 * allocation failure no execution takes it, so only the model checker's fault injection finds it.
 */
public class NoResetDevres extends Devres {

    public NoResetDevres(LifetimeTracker heap, String device) {
        super(heap, device);
    }

    /** The bug: on failure the action is not run, and what it would release leaks. */
    @Override
    public int addActionOrReset(String label, Action action) {
        return addAction(label, action);
    }
}
