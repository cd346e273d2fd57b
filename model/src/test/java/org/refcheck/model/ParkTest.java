package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/** Park and unpark: a permit that does not add up, a parked thread disabled until someone unparks it. */
class ParkTest {

    /** A waiter that checks a flag, then parks until the setter unparks it: no lost wake-up with a permit. */
    @Test
    void checkThenParkNeverLosesTheWakeUp() {
        ModelResult r = Model.check(() -> {
            SharedInt flag = SharedInt.of("flag", 0);
            Joinable main = Threads.self();
            Joinable setter = Threads.spawn("setter", () -> {
                flag.setRelease(1);
                main.unpark();
            });
            while (flag.getAcquire() == 0) {
                Threads.park();
            }
            setter.join();
        }).assertPassed();
        assertTrue(r.exhaustive(), r.summary());
        assertTrue(r.traces() >= 2, "the unpark before and after the park: " + r.summary());
    }

    @Test
    void parkingWithoutAnUnparkIsADeadlock() {
        Counterexample cx = Model.check(() -> {
            Joinable sleeper = Threads.spawn("sleeper", Threads::park);
            sleeper.join();
        }).assertFailed();
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind());
        assertTrue(cx.failure().message().contains("sleeper parks, but nobody will unpark it"),
                cx.failure().message());
    }

    @Test
    void permitsDoNotAddUp() {
        Counterexample cx = Model.check(() -> {
            Joinable self = Threads.self();
            self.unpark();
            self.unpark();
            Threads.park();
            Threads.park();   // the second unpark gave nothing more
        }).assertFailed();
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind());
    }

    @Test
    void productionParkReturnsOnceUnparked() {
        Threads.self().unpark();
        Threads.park();   // the permit was already there
        SharedInt done = SharedInt.of("done", 0);
        Joinable main = Threads.self();
        Joinable waker = Threads.spawn("waker", () -> {
            done.setRelease(1);
            main.unpark();
        });
        while (done.getAcquire() == 0) {
            Threads.park();
        }
        waker.join();
        assertEquals(1, done.getAcquire());
    }
}
