package org.refcheck.stress.arc;

import org.refcheck.protocols.arc.Drop;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedRef;

/**
 * The value the Arc Lincheck tests share: one plain field that holders write and read, and a destructor that records
 * which thread ran it and what it saw in the field.
 *
 * <p>The destructor runs in the thread whose {@code drop} took the strong count to zero, so a holder can tell after
 * its own {@code drop()} whether that drop was the last one ({@link #destroyedBy(Thread)}), which is what the
 * sequential specification predicts. The field is a plain cell on purpose: under weak memory the writes of a holder and
 * the destructor's read are ordered only by the protocol's release/acquire edges (B7, B9), and under sequential
 * consistency they always are.
 *
 * <pre> {@code
 * ArcPayload p = new ArcPayload();
 * Arc<ArcPayload> a = Arc.create(heap, p);
 * a.get().write(7);
 * a.drop();
 * p.destroyedBy(Thread.currentThread());   // true
 * p.seenByDestructor();                    // 7
 * }</pre>
 *
 * <p>Memory consistency effects: none of its own; what the destructor sees is what the protocol published to it.
 */
public final class ArcPayload implements Drop {

    /** What {@link #seenByDestructor()} returns while the destructor has not run. */
    public static final int NOT_DESTROYED = -1;

    private final SharedInt field = SharedInt.of("payload.field", 0);
    private final SharedInt seenByDestructor = SharedInt.of("payload.seenByDestructor", NOT_DESTROYED);
    private final SharedRef<Thread> destroyer = SharedRef.of("payload.destroyer", null);

    /** A holder's plain write into the value. */
    public void write(int value) {
        field.setPlain(value);
    }

    /** A holder's plain read of the value. */
    public int read() {
        return field.getPlain();
    }

    /** The destructor: reads the field (plainly, as a destructor would) and records the destroying thread. */
    @Override
    public void drop() {
        seenByDestructor.setVolatile(field.getPlain());
        destroyer.setVolatile(Thread.currentThread());
    }

    /** Whether the (last) destructor to run ran on {@code thread}. */
    public boolean destroyedBy(Thread thread) {
        return destroyer.getVolatile() == thread;
    }

    /** The field as the destructor read it, or {@link #NOT_DESTROYED}. */
    public int seenByDestructor() {
        return seenByDestructor.getVolatile();
    }
}
