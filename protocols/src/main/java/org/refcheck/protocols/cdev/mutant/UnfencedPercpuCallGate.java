package org.refcheck.protocols.cdev.mutant;

import org.refcheck.protocols.cdev.PercpuCallGate;

/**
 * Mutant B17: the lock-free call count without the full barriers between each side's store and its load of the
 * other side's variable.
 *
 * <p>Overrides {@link PercpuCallGate#orderStoreBeforeLoad()} with nothing: the entry raises its counter and reads
 * the disconnect flag, the disconnect sets the flag and reads the counters, with only opaque and release/acquire
 * accesses in between, none of which orders a store before a later load.
 *
 * <p>Exposing interleaving (catalogue bug B17, store buffering): both stores are still in their CPUs' store
 * buffers when both loads run. The caller reads {@code dying == 0} and proceeds into the driver; the disconnect
 * reads every counter at zero and unregisters the hardware. Symptom: <b>use after free</b>, on real hardware only.
 * Under sequential consistency one of the two stores is visible to the other side's load, so the mutant behaves
 * exactly like the correct gate there; x86 (TSO) does reorder a store with a later load, so jcstress can see it.
 */
public class UnfencedPercpuCallGate extends PercpuCallGate {

    public UnfencedPercpuCallGate(String label, int cpus) {
        super(label, cpus);
    }

    /** The bug: no barrier, so the store may still sit in the store buffer when the load runs. */
    @Override
    protected void orderStoreBeforeLoad() {
    }
}
