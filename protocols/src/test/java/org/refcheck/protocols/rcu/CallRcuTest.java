package org.refcheck.protocols.rcu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.protocols.rcu.mutant.ImmediateCallRcu;

class CallRcuTest {

    @Test
    void callbacksWaitForAReclaimerPassAndRunInQueueOrder() {
        Rcu rcu = new Rcu("rcu");
        rcu.register();
        CallRcu deferred = new CallRcu(rcu);
        List<String> ran = new ArrayList<>();
        deferred.callRcu(() -> ran.add("a"));
        deferred.callRcu(() -> ran.add("b"));
        assertEquals(List.of(), ran, "call_rcu ran a callback before any grace period");
        long phase = rcu.readerSnapshot();
        assertEquals(2, deferred.reclaim());
        assertEquals(List.of("a", "b"), ran);
        assertEquals(phase ^ Rcu.PHASE, rcu.readerSnapshot(), "the pass waited for exactly one grace period");
        assertEquals(0, deferred.reclaim(), "nothing queued: nothing to run");
        assertEquals(2, deferred.invoked());
    }

    @Test
    void barrierRunsEveryCallbackQueuedBeforeIt() {
        Rcu rcu = new Rcu("rcu");
        CallRcu deferred = new CallRcu(rcu);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            deferred.callRcu(() -> ran.add(n));
        }
        deferred.barrier();
        assertEquals(List.of(0, 1, 2), ran);
        deferred.barrier();
        assertEquals(3, deferred.invoked());
    }

    @Test
    void theImmediateMutantRunsTheCallbackInsideCallRcu() {
        Rcu rcu = new Rcu("rcu");
        CallRcu deferred = new ImmediateCallRcu(rcu);
        List<String> ran = new ArrayList<>();
        deferred.callRcu(() -> ran.add("now"));
        assertEquals(List.of("now"), ran);
        assertEquals(0, deferred.reclaim());
    }
}
