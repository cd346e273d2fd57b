package org.refcheck.protocols.rcu;

import java.util.Objects;
import java.util.function.Function;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.RcuCell.Version;
import org.refcheck.sync.Mutex;

/**
 * A read-mostly value behind an {@link RcuPointer}, over a {@link QsbrRcu} domain: readers use the current version
 * inside a read-side section and announce quiescent states between uses; updaters publish a new version and free
 * the old one after a grace period.
 *
 * <p>The QSBR form of the canonical update of Documentation/RCU/whatisRCU.rst section 3 (see {@link RcuCell}) and
 * of the reader loop liburcu's README asks of QSBR ("each reader thread executing rcu_quiescent_state()
 * periodically"): read-side sections, and a quiescent state wherever the reader holds no pointer. Each version is
 * a {@link RcuCell.Version}, a tracked allocation, so a use after free of a version is a lifetime violation.
 *
 * <pre> {@code
 * QsbrCell<Config> config = new QsbrCell<>(rcu, heap, "config", initial);
 * int limit = config.read(me, c -> c.limit);     // reader, online
 * me.quiescentState();                           // limit is a copy; no version is held any more
 * config.replace(null, next);                    // updater without a reader (or its own reader: it goes offline)
 * config.close();                                // after every reader and updater is done
 * }</pre>
 *
 * <p>Memory consistency effects: the construction of a version and every action of its updater before publishing
 * it happen-before a reader's use of that version; every use of a version happens-before it is freed, provided the
 * reader announces no quiescent state between its dereference and its last use (that is mutant X23).
 *
 * @param <T> the type of the value
 */
public class QsbrCell<T> {

    /*
     * Implementation notes. Version lifetime as in RcuCell: LIVE (published, or unlinked but maybe still read)
     * --grace period--> FREED. updateLock serializes updaters and guards `versions`. Unlike RcuCell, no call_rcu
     * queue: liburcu's QSBR flavour has one, but its callbacks wait for the same grace period as synchronize(),
     * which is what this cell exercises.
     */

    private final QsbrRcu rcu;
    private final LifetimeTracker heap;
    private final String label;
    private final RcuPointer<Version<T>> pointer;
    private final Mutex updateLock;
    private int versions;

    /** A cell holding {@code initial}, whose updaters wait on {@code rcu}. */
    public QsbrCell(QsbrRcu rcu, LifetimeTracker heap, String label, T initial) {
        this.rcu = Objects.requireNonNull(rcu, "rcu");
        this.heap = Objects.requireNonNull(heap, "heap");
        this.label = Objects.requireNonNull(label, "label");
        this.updateLock = Mutex.create(label + ".update_lock");
        this.pointer = new RcuPointer<>(label, newVersion(initial));
    }

    /** The domain whose grace periods the updaters wait for. */
    public QsbrRcu rcu() {
        return rcu;
    }

    /** The pointer to the current version. */
    protected final RcuPointer<Version<T>> pointer() {
        return pointer;
    }

    /** Allocates a version holding {@code value}; called with the update lock held, or by the constructor. */
    private Version<T> newVersion(T value) {
        return new Version<>(heap, label + ".v" + versions++, value);
    }

    /**
     * Reader: applies {@code use} to the current value inside a read-side section of {@code reader}, which must be
     * online. The reader's next quiescent state ends the protection of the version.
     */
    public <R> R read(QsbrReader reader, Function<? super T, ? extends R> use) {
        try (QsbrReadGuard section = reader.readLock()) {
            return pointer.dereference(section).use(use);
        }
    }

    /**
     * Updater: publishes {@code value}, waits for a grace period and frees the replaced version. {@code self} is
     * the calling thread's reader of the domain, or {@code null} if it has none; it is put offline for the wait.
     */
    public void replace(QsbrReader self, T value) {
        rcu.checkUpdater(self);   // before publishing: a refused wait must not leave the old version unfreed
        Version<T> old;
        try (Mutex.Guard held = updateLock.lock()) {
            old = pointer.replace(newVersion(value));
        }
        rcu.synchronize(self);
        old.free();
    }

    /** Ends the cell once nobody uses it: frees the current version. */
    public void close() {
        pointer.access().free();
    }

    @Override
    public String toString() {
        return label;
    }
}
