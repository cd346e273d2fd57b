package org.refcheck.stress.rcu;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.protocols.revocable.Revocable;
import org.refcheck.protocols.revocable.RevocableGuard;
import org.refcheck.protocols.revocable.mutant.RevokeWithoutGracePeriod;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * A user takes a {@code RevocableGuard} and uses the data for about a microsecond while the owner revokes it.
 * {@code revoke()} waits for a grace period before dropping the data; catalogue bug B14 drops it at once
 * ({@code revoke_nosync} with a concurrent user).
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t RevocableAccessVsRevokeTests}
 */
public final class RevocableAccessVsRevokeTests {

    private RevocableAccessVsRevokeTests() {
    }

    /** One sample: the revocable (correct or mutant), and the user's reader record. */
    static final class Race {
        final LifetimeTracker heap = new LifetimeTracker();
        final Rcu rcu = new Rcu("rcu");
        final RcuReader user = rcu.register();
        final Revocable<String> res;

        Race(boolean waitsForUsers) {
            res = waitsForUsers ? new Revocable<>(rcu, heap, "res", "regs")
                    : new RevokeWithoutGracePeriod<>(rcu, heap, "res", "regs");
        }

        void use() {
            try (RevocableGuard<String> guard = res.tryAccess(user)) {
                if (guard != null) {
                    guard.get();
                    Preemption.pause();
                    guard.get();
                }
            }
        }

        String finish() {
            res.drop();
            return LifetimeFindings.finish(heap);
        }
    }

    /** rust/kernel/revocable.rs: swap, synchronize_rcu, drop. */
    @JCStressTest
    @Checks(protocol = "revocable", variant = "correct")
    @Description("A user holding a RevocableGuard against revoke, which waits for a grace period before dropping.")
    @Ref("rust/kernel/revocable.rs (try_access, revoke)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the user was refused, or revoke waited for its guard before dropping the data")
    @Outcome(id = ".*use after destroy.*", expect = FORBIDDEN, desc = "the data was dropped under a live guard")
    @Outcome(expect = FORBIDDEN, desc = "a leak, a double drop or free")
    @State
    public static class WithGracePeriod {

        private final Race race = new Race(true);

        /** The user. */
        @Actor
        public void user() {
            race.use();
        }

        /** The owner. */
        @Actor
        public void revoker() {
            race.res.revoke();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }

    /** Mutant B14: revoke drops without a grace period ({@link RevokeWithoutGracePeriod}). */
    @JCStressTest
    @Checks(protocol = "revocable", variant = "revoke-without-grace-period")
    @Description("A user holding a RevocableGuard against a revoke that drops the data at once.")
    @Ref("rust/kernel/revocable.rs (revoke_nosync: \"Callers must ensure that there are no more concurrent users\")")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the user was refused or done before the drop: no violation this time")
    @Outcome(id = "use after destroy", expect = ACCEPTABLE_INTERESTING,
            desc = "revoke dropped the data while the user's guard, taken while it was available, still used it")
    @Outcome(expect = FORBIDDEN, desc = "a leak, a double drop or free")
    @State
    public static class WithoutGracePeriod {

        private final Race race = new Race(false);

        /** The user. */
        @Actor
        public void user() {
            race.use();
        }

        /** The owner. */
        @Actor
        public void revoker() {
            race.res.revoke();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }
}
