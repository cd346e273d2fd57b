package org.refcheck.model.rt;

/**
 * One executed operation of an execution, as a trace shows it and as dynamic partial-order reduction reasons about
 * it.
 */
public final class Event {

    /** Position in the execution, from 0. */
    public final int index;
    /** The logical thread that performed it. */
    public final int thread;
    /** Position within its thread, from 1. */
    public final int threadStep;
    /** What it did; a failed compare-and-set is a {@link OpKind#READ}. */
    public final OpKind kind;
    /**
     * What it announced before it ran: a compare-and-set announces {@link OpKind#RMW} whatever its outcome, since in
     * another order of events it may succeed.
     */
    public final OpKind announced;
    public final long object;
    public final String label;
    public final String method;
    /** The value read, or {@code null}. */
    public final Object read;
    /** The value written, or {@code null}. */
    public final Object written;
    /** The thread a spawn started or a join waited for, or -1. */
    public final int otherThread;
    /** For an add whose caller declared what it observes, what it did; otherwise {@code null}. */
    public final Addition addition;
    /**
     * For a weak load, which of the stores it could read it read (0: the latest, as sequential consistency
     * would); 0 for every other event. Part of the schedule: replaying needs it.
     */
    public final int readChoice;
    /** Source location of the protocol code that performed it, when recorded. */
    String location;

    Event(int index, int thread, int threadStep, OpKind kind, OpKind announced, long object, String label,
            String method, Object read, Object written, int otherThread, Addition addition, int readChoice) {
        this.index = index;
        this.thread = thread;
        this.threadStep = threadStep;
        this.kind = kind;
        this.announced = announced;
        this.object = object;
        this.label = label;
        this.method = method;
        this.read = read;
        this.written = written;
        this.otherThread = otherThread;
        this.addition = addition;
        this.readChoice = readChoice;
    }

    /** Whether this event and {@code other} (of another thread) fail to commute. */
    public boolean conflictsWith(Event other) {
        return object == other.object && object != Op.NO_OBJECT && (kind.writes() || other.kind.writes());
    }

    /** Source file and line of the protocol code that performed it, or {@code null} if not recorded. */
    public String location() {
        return location;
    }

    /** A one-line description, e.g. {@code "refcount.getAndAddRelease(-1) -> 1"}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(label).append('.').append(method);
        if (written != null && read != null) {
            b.append(": ").append(read).append(" -> ").append(written);
        } else if (written != null) {
            b.append(" = ").append(written);
        } else if (read != null) {
            b.append(" -> ").append(read);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "#" + index + " T" + thread + " " + describe();
    }
}
