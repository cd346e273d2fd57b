package org.refcheck.protocols.rcu;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedRef;

/**
 * The registry of an RCU domain's readers, shared by the urcu-mb domain {@link Rcu} and the urcu-qsbr domain
 * {@link QsbrRcu}: a copy-on-write list that registration changes by CAS, so that registering never blocks a grace
 * period, and a counter that names the readers.
 *
 * <p>Follows liburcu's {@code registry} list of src/urcu.c and src/urcu-qsbr.c ({@code rcu_register_thread} adds
 * the thread's reader record, {@code rcu_unregister_thread} removes it, {@code synchronize_rcu} walks it).
 *
 * <p>Memory consistency effects: actions of a thread before it adds a reader happen-before the actions of a thread
 * after it read a snapshot containing that reader.
 *
 * @param <R> the domain's reader type
 */
final class ReaderRegistry<R> {

    /*
     * Implementation notes. liburcu guards its list with rcu_registry_lock, which synchronize_rcu holds across the
     * wait; here a grace period works on the snapshot it read (a reader registered later starts all its sections
     * after the grace period began, so it need not be waited for). Both cells are named after the domain's label
     * as Rcu named them before this class was split out: "<label>.registry" and "<label>.readers".
     */

    private final String label;
    private final SharedRef<List<R>> readers;
    private final SharedInt created;

    ReaderRegistry(String label) {
        this.label = label;
        this.readers = SharedRef.of(label + ".registry", List.of());
        this.created = SharedInt.of(label + ".readers", 0);
    }

    /** The name of the next reader: {@code <label>.reader<n>}. */
    String nextName() {
        return label + ".reader" + created.getAndAdd(1);
    }

    /** Adds {@code reader}. */
    void add(R reader) {
        change(reader, true);
    }

    /** Removes {@code reader}. */
    void remove(R reader) {
        change(reader, false);
    }

    /** The readers registered right now (an immutable snapshot, read with acquire). */
    List<R> snapshot() {
        return readers.getAcquire();
    }

    /** Adds or removes {@code reader}: one copy-on-write CAS of the list, retried on contention. */
    private void change(R reader, boolean add) {
        List<R> before;
        List<R> after;
        do {
            before = readers.getAcquire();
            after = new ArrayList<>(before);
            if (add) {
                after.add(reader);
            } else {
                after.remove(reader);
            }
        } while (!readers.compareAndSet(before, List.copyOf(after)));
    }
}
