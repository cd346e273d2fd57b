package org.refcheck.stress.rcu;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.revocable.AsyncRevocable;
import org.refcheck.protocols.revocable.AsyncRevocableGuard;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * A user counts itself into an {@code AsyncRevocable} and uses the data for about a microsecond while the owner
 * revokes it without waiting: whichever of them is last drops the data, exactly once, after the use.
 *
 * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t AsyncRevocableAccessVsRevokeTest}
 */
@JCStressTest
@Checks(protocol = "async-revocable", variant = "correct")
@Description("AsyncRevocable: a counted user against a revoke that does not wait; the last of them drops.")
@Ref("rust/kernel/revocable.rs (2021 AsyncRevocable: try_access, revoke, guard drop)")
@Outcome(id = "used, clean", expect = ACCEPTABLE, desc = "the user got the data and the drop came after its use")
@Outcome(id = "refused, clean", expect = ACCEPTABLE, desc = "revoke came first and the user was refused")
@Outcome(id = ".*, .*(use after destroy|double destroy).*", expect = FORBIDDEN,
        desc = "the data was dropped under a counted user, or twice")
@Outcome(expect = FORBIDDEN, desc = "the data was never dropped, or another finding")
@State
public class AsyncRevocableAccessVsRevokeTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final AsyncRevocable<String> res = new AsyncRevocable<>(heap, "res", "regs");

    /** The user. */
    @Actor
    public void user(LL_Result r) {
        try (AsyncRevocableGuard<String> guard = res.tryAccess()) {
            if (guard == null) {
                r.r1 = "refused";
                return;
            }
            guard.get();
            Preemption.pause();
            guard.get();
            r.r1 = "used";
        }
    }

    /** The owner. */
    @Actor
    public void revoker() {
        res.revoke();
    }

    /** What the lifetime tracker found. */
    @Arbiter
    public void arbiter(LL_Result r) {
        res.drop();
        r.r2 = LifetimeFindings.finish(heap);
    }
}
