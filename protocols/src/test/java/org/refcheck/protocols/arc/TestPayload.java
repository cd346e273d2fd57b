package org.refcheck.protocols.arc;

import java.util.concurrent.atomic.AtomicInteger;

/** A test value that counts how often its destructor ran (test code may use j.u.c; protocol code may not). */
public final class TestPayload implements Drop {

    private final AtomicInteger drops = new AtomicInteger();
    private int field;

    /** A user write into the value. */
    public void write(int value) {
        field = value;
    }

    /** A user read of the value. */
    public int read() {
        return field;
    }

    @Override
    public void drop() {
        drops.incrementAndGet();
    }

    /** How many times the destructor ran. */
    public int drops() {
        return drops.get();
    }
}
