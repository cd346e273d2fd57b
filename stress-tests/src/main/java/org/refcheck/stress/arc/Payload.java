package org.refcheck.stress.arc;

import java.util.concurrent.atomic.AtomicInteger;
import org.refcheck.protocols.arc.Drop;

/**
 * The value shared through the {@code Arc}s of a jcstress sample: two holders' marks and one mutable cell, all plain
 * fields, and a destructor that records what it saw.
 *
 * <pre> {@code
 * Payload p = new Payload();
 * Arc<Payload> a = Arc.create(heap, p);
 * a.get().markFirst();          // a holder's plain write, before it drops its Arc
 * a.drop();                     // the destructor reads both marks
 * p.destructorRuns();           // 1
 * p.marksSeenByDestructor();    // 1: the first holder's mark
 * }</pre>
 *
 * <p>Memory consistency effects: none of its own. The marks and the cell are plain on purpose: only the protocol
 * under test (the release decrement and the acquire in {@code drop} or {@code getMut}) may order them, so a missing
 * acquire shows as a stale or early read. Counting destructor runs uses an atomic, so that a double destroy is
 * counted even when both destructors race.
 */
public final class Payload implements Drop {

    /*
     * Implementation notes: the destructor's reads land in marksSeen, a plain field that only the arbiter reads
     * (jcstress orders every actor before the arbiter). When a mutant runs the destructor twice the two writes race,
     * and marksSeen holds one of them; tests that provoke double destroys do not read it.
     */

    private int firstMark;
    private int secondMark;
    private int cell;
    private int marksSeen = -1;
    private final AtomicInteger destructorRuns = new AtomicInteger();

    /** The first holder's write into the value. */
    public void markFirst() {
        firstMark = 1;
    }

    /** The second holder's write into the value. */
    public void markSecond() {
        secondMark = 1;
    }

    /** A write through a mutable borrow ({@code getMut}). */
    public void write(int value) {
        cell = value;
    }

    /** A read through a shared borrow. */
    public int read() {
        return cell;
    }

    /** The destructor: counts the run and reads both holders' marks. */
    @Override
    public void drop() {
        marksSeen = firstMark + secondMark;
        destructorRuns.incrementAndGet();
    }

    /** How many times the destructor ran. */
    public int destructorRuns() {
        return destructorRuns.get();
    }

    /** How many of the two holders' marks the (last) destructor run saw; -1 if it never ran. */
    public int marksSeenByDestructor() {
        return marksSeen;
    }
}
