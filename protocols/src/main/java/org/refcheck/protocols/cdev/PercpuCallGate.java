package org.refcheck.protocols.cdev;

import java.util.Objects;
import org.refcheck.sync.Fences;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/**
 * A lock-free call count with one counter per CPU, as in Dan Williams' 2021 cdev proposal
 * ({@code percpu_ref_tryget_live} before each operation, {@code percpu_ref_kill} and a drain in {@code cdev_del};
 * include/linux/percpu-refcount.h) and in SRCU's read side (kernel/rcu/srcutree.c): a caller increments only its own
 * CPU's counter, with no atomic read-modify-write, and a full barrier pairs the callers with the disconnect.
 *
 * <pre> {@code
 * CallGate gate = new PercpuCallGate("video0", 2);   // two CPUs
 * if (gate.enter(cpu)) { ...; gate.exit(cpu); }      // cpu: 0 or 1, the caller's own
 * gate.disconnect();                                 // flag, full barrier, spin until each counter is zero
 * }</pre>
 *
 * <p>The wait is a spin ({@link Threads#onSpinWait()}), as {@code synchronize_srcu} polls its counters.
 *
 * <p>Memory consistency effects: those of {@link CallGate}: {@link #exit} is a release store of the caller's
 * counter and {@link #disconnect()} reads the counters with acquire, so a call's actions happen-before the end of
 * the disconnect. The entry's counter store and the disconnect's flag store are each followed by a full fence
 * before the other side's variable is read (Dekker), so they cannot both miss each other.
 */
public class PercpuCallGate implements CallGate {

    /*
     * Implementation notes. State:
     *     active[cpu]  calls in flight entered on that CPU; written only by the caller running there (plain
     *                  increment: opaque load, then store), read by disconnect
     *     dying        0, then 1 from disconnect() on
     * Entry: active[cpu]++ ; FULL FENCE (A) ; if dying: active[cpu]-- (release) and fail.
     * Disconnect: dying = 1 ; FULL FENCE (B) ; for each CPU in turn, spin until active[cpu] (acquire) is zero.
     * Why it is correct: with A and B, either the entry's fence comes first, so disconnect reads the raised
     * counter and waits for its exit, or B comes first, so the entry sees dying and backs out. Nothing else writes
     * a counter, so a counter a real call raised stays raised until that call exits, and reading each CPU's counter
     * at zero once (in any order) proves every call that got in has left. Each spin re-reads exactly the one
     * counter it waits for right before Threads.onSpinWait(), so "nothing changed" is true of what it read (a
     * sum over several counters read one by one could miss an exit that landed between two of the reads). Without A and B (catalogue bug B17) a
     * store buffer can hold both stores while both loads run: the caller sees dying == 0, the disconnect sees every
     * counter at zero, and the hardware is unregistered under the call. Under sequential consistency that cannot
     * happen: the bug is visible on real hardware only, x86 included (store-to-load reordering is the one
     * reordering TSO allows).
     */

    private final String label;
    private final SharedInt[] active;
    private final SharedInt dying;

    /** A gate for the device named {@code label}, with one counter per CPU for {@code cpus} CPUs. */
    public PercpuCallGate(String label, int cpus) {
        this.label = Objects.requireNonNull(label, "label");
        if (cpus < 1) {
            throw new IllegalArgumentException("at least one CPU: " + cpus);
        }
        this.active = new SharedInt[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            active[cpu] = SharedInt.of(label + ".active[" + cpu + "]", 0);
        }
        this.dying = SharedInt.of(label + ".dying", 0);
    }

    /** {@code percpu_ref_tryget_live}: raises this CPU's counter, then checks the flag. */
    @Override
    public boolean enter(int cpu) {
        SharedInt mine = active[cpu];
        mine.setOpaque(mine.getOpaque() + 1);
        orderStoreBeforeLoad();
        if (dying.getOpaque() != 0) {
            mine.setRelease(mine.getOpaque() - 1);
            return false;
        }
        return true;
    }

    /** {@code percpu_ref_put}: lowers this CPU's counter with release. */
    @Override
    public void exit(int cpu) {
        SharedInt mine = active[cpu];
        mine.setRelease(mine.getOpaque() - 1);
    }

    /** {@code percpu_ref_kill} and the drain: sets the flag, then spins until no CPU has a call in flight. */
    @Override
    public void disconnect() {
        dying.setOpaque(1);
        orderStoreBeforeLoad();
        for (SharedInt c : active) {
            while (c.getAcquire() != 0) {
                Threads.onSpinWait();
            }
        }
    }

    /** The full barrier between a store and the load of the other side's variable: the step B17 leaves out. */
    protected void orderStoreBeforeLoad() {
        Fences.full();
    }

    @Override
    public String toString() {
        return "PercpuCallGate(" + label + ", " + active.length + " CPUs)";
    }
}
