package org.refcheck.stress.selfcheck;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;

/**
 * Self-check of the facade {@link Mutex}: two threads increment a plain cell under the same mutex, and no update is
 * ever lost. The increments use plain accesses on purpose, so only the mutex's happens-before edge (guard close to
 * the next lock) keeps them apart; the lookup-table protocols (kref.rst patterns A, B, D) rely on exactly that.
 *
 * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t MutexExclusionTest}
 */
@JCStressTest
@Description("Two plain increments under one facade Mutex never lose an update.")
@Ref("stress-tests/src/main/java/org/refcheck/stress/selfcheck/MutexExclusionTest.java")
@Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments are visible")
@Outcome(id = "1", expect = FORBIDDEN, desc = "an increment was lost: the mutex did not exclude or did not order")
@Outcome(expect = FORBIDDEN, desc = "impossible count")
@State
public class MutexExclusionTest {

    private final Mutex lock = Mutex.create("counter lock");
    private final SharedInt counter = SharedInt.of("counter", 0);

    /** First incrementing thread. */
    @Actor
    public void incrementFirst() {
        increment();
    }

    /** Second incrementing thread. */
    @Actor
    public void incrementSecond() {
        increment();
    }

    /** The final count. */
    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = counter.getPlain();
    }

    private void increment() {
        try (Mutex.Guard held = lock.lock()) {
            counter.setPlain(counter.getPlain() + 1);
        }
    }
}
