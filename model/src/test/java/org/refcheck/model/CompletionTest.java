package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.sync.Completion;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/** Completions under the model checker and in production: waits are disabled transitions, never sleeps. */
class CompletionTest {

    @Test
    void aWaitReturnsOnlyAfterTheCompleteAndSeesWhatWasWrittenBeforeIt() {
        ModelResult r = Model.check(() -> {
            SharedInt data = SharedInt.of("data", 0);
            Completion ready = Completion.create("ready");
            Joinable waiter = Threads.spawn("waiter", () -> {
                ready.await();
                if (data.getAcquire() != 42) {
                    throw new AssertionError("the wait returned before the complete");
                }
            });
            data.setRelease(42);
            ready.complete();
            waiter.join();
        }).assertPassed();
        assertTrue(r.exhaustive(), r.summary());
    }

    @Test
    void twoWaitersAndOneCompleteDeadlockNamingTheCompletion() {
        Counterexample cx = Model.check(() -> {
            Completion gone = Completion.create("users.gone");
            Joinable a = Threads.spawn("a", gone::await);
            Joinable b = Threads.spawn("b", gone::await);
            gone.complete();
            a.join();
            b.join();
        }).assertFailed();
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind());
        assertTrue(cx.failure().message().contains("waits for users.gone, which nobody will complete"),
                cx.failure().message());
        assertTrue(cx.replayed());
    }

    @Test
    void twoCompletesServeTwoWaitersInEitherOrder() {
        Set<String> orders = new HashSet<>();
        ModelResult r = Model.check(() -> {
            Completion c = Completion.create("c");
            SharedInt turn = SharedInt.of("turn", 0);
            int[] served = new int[2];
            Joinable a = Threads.spawn("a", () -> {
                c.await();
                served[0] = turn.getAndAdd(1);
            });
            Joinable b = Threads.spawn("b", () -> {
                c.await();
                served[1] = turn.getAndAdd(1);
            });
            c.complete();
            c.complete();
            a.join();
            b.join();
            orders.add(List.of(served[0], served[1]).toString());
        }).assertPassed();
        assertTrue(r.exhaustive(), r.summary());
        assertEquals(Set.of("[0, 1]", "[1, 0]"), orders, r.summary());
    }

    @Test
    void completeAllReleasesEveryPresentAndFutureWaiter() {
        Model.check(() -> {
            Completion c = Completion.create("c");
            Joinable a = Threads.spawn("a", c::await);
            Joinable b = Threads.spawn("b", c::await);
            c.completeAll();
            a.join();
            b.join();
            c.await();
            if (!c.isDone()) {
                throw new AssertionError("completeAll must stay done");
            }
        }).assertPassed();
    }

    @Test
    void isDoneRacesWithComplete() {
        Set<Boolean> seen = new HashSet<>();
        Model.check(() -> {
            Completion c = Completion.create("c");
            Joinable t = Threads.spawn("completer", c::complete);
            seen.add(c.isDone());
            t.join();
        }).assertPassed();
        assertEquals(Set.of(true, false), seen);
    }

    @Test
    void productionCompletionWakesARealWaiter() throws Exception {
        Completion c = Completion.create("c");
        Joinable waiter = Threads.spawn("waiter", c::await);
        c.complete();
        waiter.join();
        assertTrue(!c.isDone(), "the waiter consumed the one done event");
        c.completeAll();
        c.await();
        assertTrue(c.isDone());
    }
}
